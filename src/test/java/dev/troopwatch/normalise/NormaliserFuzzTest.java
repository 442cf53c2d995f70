package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.ingest.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random, truncated and adversarial text: the normaliser and validator never throw and keep sane spans. */
class NormaliserFuzzTest {
    private static final ArticleNormaliser NORMALISER = ArticleNormaliserTest.NORMALISER;
    private static final ArticleValidator VALIDATOR =
            ArticleValidator.withDefaults(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private static final String SAMPLE = "SEOUL \u2013 The army said on Feb. 27 that U.S. and U.N. officials had seen "
            + "\u201Cabout 1,500\u201D troops.\n\nPHOTO: REUTERS\n\nMr. Kim (AP) said: \u2018We will stay...\u2019 "
            + "Read more:\nFollow topic:\n\nBy AFP\n\u0421osmodrome \u2014 10\u201312 units. AFP See more on";
    private static final String ALPHABET = " \n\n.\"'()[]-:!?\u2013\u2014\u201C\u201D\u00A0\u200BAaZz09.,/|"
            + "\u0421\u043E\uAC00\u4E2D\u0645\uFB01\u00B4\r\t";

    private static void assertSane(String headline, String body) {
        NormalisedArticle a = assertDoesNotThrow(() -> NORMALISER.normalise(
                new RawArticle("f", null, "Src (AFP)", headline, null, null, body), null));
        ArticleNormaliserTest.assertSaneSpans(a);
        assertDoesNotThrow(() -> VALIDATOR.validate(body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void randomCharacterSoup() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSane(text.substring(0, Math.min(20, text.length())), text.toString());
        }
    }

    @Test
    void randomUnicodeIncludingSurrogates() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            char[] chars = new char[random.nextInt(600)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(0x10000);
            }
            String text = new String(chars);
            assertSane(text.substring(0, Math.min(30, text.length())), text);
        }
    }

    @Test
    void everyTruncationOfARealLookingArticle() {
        for (int end = 0; end <= SAMPLE.length(); end++) {
            assertSane("North Korea sends troops: Seoul", SAMPLE.substring(0, end));
            assertSane(SAMPLE.substring(0, end), SAMPLE.substring(end));
        }
    }

    @Test
    void nullAndEmptyFields() {
        assertSane(null, null);
        assertSane("", "");
        assertSane("\n\n\n", "\n\n\n \n");
        assertSane("Headline only", null);
    }

    @Test
    void oneMegabyteSingleLineSentence() {
        String huge = "troops moved north and ".repeat((1 << 20) / 23) + "stopped";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertSane("Huge", huge));
    }

    @Test
    void millionsOfDigitsAndDots() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertSane("Digits", "7".repeat(2_000_000));
            assertSane("Dots", ".".repeat(500_000));
            assertSane("Numbers", "1.2.3.4. ".repeat(100_000));
        });
    }

    @Test
    void deeplyNestedQuotesAndBrackets() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertSane("Nested", "(".repeat(200_000) + "troops" + ")".repeat(200_000));
            assertSane("Quotes", "\"'".repeat(200_000) + ". The end.");
            assertSane("Mixed", "[(\"".repeat(50_000) + "Mr. U.S. Feb. 27." + "\")]".repeat(50_000));
        });
    }

    @Test
    void regexHostileLines() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String line : new String[] {"By " + "Aa ".repeat(10_000), "Photo: " + "a/".repeat(10_000),
                    "Share Facebook ".repeat(5_000), "- ".repeat(50_000), "(AFP)".repeat(20_000),
                    "a / ".repeat(50_000) + "AFP", "Published " + "1".repeat(100_000)}) {
                assertSane("Hostile", line + "\n\nThe army said the troops had left.\n\n" + line);
            }
        });
    }

    @Test
    void manyShortParagraphsAreBounded() {
        String many = "Troops left.\n\n".repeat(100_000);
        NormalisedArticle a = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> NORMALISER.normalise(new RawArticle("m", null, null, "Many", null, null, many), null));
        assertTrue(a.paragraphs().size() <= ArticleNormaliser.DEFAULT_MAX_PARAGRAPHS + 1);
    }

    @Test
    void validatorSurvivesRandomBytes() {
        Random random = new Random(3);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertInstanceOf(ValidationResult.class, VALIDATOR.validate(bytes));
        }
    }
}
