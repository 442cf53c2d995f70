package dev.troopwatch.extract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.TextSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The extractor never throws and its output stays bounded, whatever the text. */
class ExtractorFuzzTest {
    private static final Lexicon LEXICON = Lexicon.load();
    private static final String[] WORDS = {"North", "Korean", "troops", "were", "sent", "to", "Russia", "'s",
            "Kursk", "region", "not", "could", "more", "than", "10,000", "1,500-strong", "said", "Seoul", "\"", ",",
            ".", ":", "-", "withdrew", "from", "Niger", "on", "Feb", "27", "in", "2024", "killed", "UN",
            "peacekeepers", "Wagner", "Africa", "Corps", "(", ")", "up", "and", "between", "thousand", "twelve",
            "May", "last", "week", "\u2019s", "é", "\u00a0", "\n\n", "0", "99999999999999999999", "-5", "N'Djamena"};

    @Test
    void randomWordSoupNeverThrows() {
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            check(Articles.article(b.length() > 40 ? b.substring(0, 40) : b.toString(), b.toString()));
        }
    }

    @Test
    void randomCharactersAndTruncatedSentencesNeverThrow() {
        Random random = new Random(7);
        String story = "North Korea has sent more than 10,000 soldiers to Russia's Kursk region, Seoul said on "
                + "Feb 27. Up to 5,000 of them were withdrawn last week after heavy losses, Ukraine said.";
        for (int cut = 0; cut <= story.length(); cut++) {
            check(Articles.article(story.substring(0, cut), story.substring(cut)));
        }
        for (int round = 0; round < 200; round++) {
            char[] chars = new char[random.nextInt(500)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(0x3000);
            }
            check(Articles.article("x", new String(chars)));
        }
    }

    @Test
    void inconsistentSpansAndEmptyTextAreHandled() {
        String text = "Chad sent 500 troops to Niger.";
        check(new NormalisedArticle("a", null, null, "", Instant.EPOCH, "en", "", List.of(), List.of(), 0, null, null));
        check(new NormalisedArticle("b", null, null, "", null, "en", text, List.of(new TextSpan(0, 999)),
                List.of(new TextSpan(5, 2000), new TextSpan(0, 3)), 99_999, null, null));
        check(new NormalisedArticle("c", null, null, "", null, "en", text, List.of(), List.of(), -1, null, null));
    }

    @Test
    void aHugeArticleIsReadWithBoundedWorkAndOutput() {
        String sentence = "North Korean troops were sent to Russia's Kursk region and fought there, Seoul said. ";
        StringBuilder body = new StringBuilder();
        while (body.length() < 2_000_000) {
            body.append(sentence);
        }
        List<TextSpan> sentences = new ArrayList<>();
        for (int i = 0; i + sentence.length() <= body.length(); i += sentence.length()) {
            sentences.add(new TextSpan(i, i + sentence.length() - 1));
        }
        NormalisedArticle huge = new NormalisedArticle("huge", null, null, "", Instant.EPOCH, "en", body.toString(),
                List.of(new TextSpan(0, 0)), sentences, 100, null, null);
        List<Mention> mentions = assertDoesNotThrow(() -> new ArticleAnalysis(LEXICON, huge).mentions());
        assertTrue(mentions.size() <= ArticleAnalysis.MAX_MENTIONS, "mentions: " + mentions.size());
        assertTrue(!mentions.isEmpty());
    }

    /**
     * Runs the rules directly, not through {@link RuleExtractor#extract}, whose last-resort catch would hide a
     * defect from this test.
     */
    private static void check(NormalisedArticle article) {
        List<Mention> mentions = assertDoesNotThrow(() -> article.text().isEmpty() ? List.<Mention>of()
                : new ArticleAnalysis(LEXICON, article).mentions());
        assertTrue(mentions.size() <= ArticleAnalysis.MAX_MENTIONS);
        for (Mention m : mentions) {
            assertTrue(m.evidence().end() <= article.text().length());
            assertTrue(m.actor().length() == 2 && m.host().length() == 2, m.toString());
        }
    }
}
