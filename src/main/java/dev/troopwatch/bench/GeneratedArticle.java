package dev.troopwatch.bench;

import dev.troopwatch.ingest.RawArticle;
import java.time.Instant;

/**
 * One synthetic wire and why it exists.
 *
 * @param raw       the article as published to {@code troopwatch.articles.raw}
 * @param published publication instant (the same as {@code raw.published()})
 * @param role      original report, re-report by another agency, reprint by another outlet, or distractor
 * @param situation situation key for reports of a situation, null for distractors
 * @param words     whitespace-separated words of headline and body, for words/s figures
 */
public record GeneratedArticle(RawArticle raw, Instant published, Role role, String situation, int words) {
    public enum Role { ORIGINAL, REREPORT, REPRINT, DISTRACTOR }
}
