package dev.troopwatch.bench;

import dev.troopwatch.alert.AlertType;

/**
 * An alert the pipeline must raise for a generated wire set.
 *
 * @param situation situation key ("KE-HT")
 * @param type      alert type
 * @param articleId the original report that must raise it
 */
public record ExpectedAlert(String situation, AlertType type, String articleId) {
    @Override
    public String toString() {
        return situation + " " + type + " " + articleId;
    }
}
