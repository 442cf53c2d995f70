package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.stream.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Runs the normaliser on every dev-corpus article: no page boilerplate survives, sentences keep abbreviations. */
class DevCorpusNormaliserTest {
    private static final ArticleNormaliser NORMALISER = ArticleNormaliserTest.NORMALISER;
    private static final String[] BOILERPLATE_STARTS = {"sign up", "follow topic", "file photo", "see more on",
        "support the moscow times", "read also", "photo:", "photo :", "subscribe", "advertisement", "by afp",
        "credit:", "end of feed", "(with afp)", "read more on"};
    private static final String[] ABBREVIATION_ENDS = {" Feb.", " Jan.", " Dec.", " Oct.", " Nov.", " Aug.", " Sept.",
        " Mr.", " Gen.", " Lt.", " Col.", " Maj.", " Dr.", " No.", " U.S.", " U.N."};

    @Test
    void noBoilerplateSurvivesInTheDevCorpus() {
        List<String> problems = new ArrayList<>();
        for (DevCorpus.Article article : DevCorpus.articles()) {
            NormalisedArticle n = NORMALISER.normalise(article.raw(), Instant.EPOCH);
            ArticleNormaliserTest.assertSaneSpans(n);
            String name = article.file().getFileName().toString();
            for (TextSpan span : n.paragraphs().subList(1, n.paragraphs().size())) {
                String p = span.of(n.text()).toLowerCase(Locale.ROOT);
                for (String start : BOILERPLATE_STARTS) {
                    if (p.startsWith(start)) {
                        problems.add(name + ": paragraph starts with boilerplate: " + shorten(p));
                    }
                }
                if (p.endsWith("see more on") || p.endsWith(" afp") || p.endsWith("- afp")) {
                    problems.add(name + ": paragraph ends with boilerplate: " + shorten(p));
                }
            }
            for (TextSpan span : n.sentences()) {
                String s = span.of(n.text());
                int next = span.end();
                boolean followedByNumberOrName = next + 2 < n.text().length() && n.text().charAt(next) == ' '
                        && (Character.isDigit(n.text().charAt(next + 1)) || Character.isUpperCase(n.text().charAt(next + 1)));
                for (String abbreviation : ABBREVIATION_ENDS) {
                    // "Feb. 27" or "Mr. Kim" split apart; "... to the U.S." ending a sentence before "The" is fine
                    if (s.endsWith(abbreviation) && followedByNumberOrName && !abbreviation.startsWith(" U.")) {
                        problems.add(name + ": sentence broken after '" + abbreviation.strip() + "': " + shorten(s));
                    }
                }
            }
            assertTrue(n.text().indexOf('\u201C') < 0 && n.text().indexOf('\u2019') < 0 && n.text().indexOf('\u2014') < 0,
                    name + ": typographic characters survived");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyDevArticleHasALeadAndSentences() {
        for (DevCorpus.Article article : DevCorpus.articles()) {
            NormalisedArticle n = NORMALISER.normalise(article.raw(), Instant.EPOCH);
            String name = article.file().getFileName().toString();
            assertTrue(n.paragraphs().size() >= 2, name + ": no body paragraphs");
            assertTrue(n.leadEnd() > n.paragraphs().get(0).end(), name + ": lead does not reach into the body");
            assertTrue(n.sentences().size() >= 2, name + ": fewer than two sentences");
        }
    }

    @Test
    void everyDevArticlePassesTheValidator() throws Exception {
        ArticleValidator validator = ArticleValidator.withDefaults(
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<String> rejected = new ArrayList<>();
        for (DevCorpus.Article article : DevCorpus.articles()) {
            byte[] json = Json.mapper().writeValueAsBytes(article.raw());
            if (validator.validate(json) instanceof Rejection r) {
                rejected.add(article.file().getFileName() + ": " + r.reason() + " " + r.detail());
            }
        }
        assertTrue(rejected.isEmpty(), String.join("\n", rejected));
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
