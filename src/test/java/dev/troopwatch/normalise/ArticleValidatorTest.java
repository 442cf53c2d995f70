package dev.troopwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final ArticleValidator VALIDATOR = ArticleValidator.withDefaults(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String BODY = "The defence ministry said on Tuesday that two battalions had been sent to the "
            + "border region, where they will stay until the end of the year.\n\nOfficials gave no figure for the "
            + "number of soldiers involved.";

    private static ObjectNode article() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", "a-1");
        node.put("url", "https://example.org/story/1");
        node.put("source", "Example Wire");
        node.put("headline", "Army sends two battalions to the border");
        node.put("published", "2025-02-27");
        node.put("language", "en");
        node.put("body", BODY);
        return node;
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Rejection rejected(byte[] value) {
        return assertInstanceOf(Rejection.class, VALIDATOR.validate(value));
    }

    private static ValidArticle valid(ObjectNode node) {
        return assertInstanceOf(ValidArticle.class, VALIDATOR.validate(bytes(node)));
    }

    @Test
    void acceptsACompleteArticle() {
        ValidArticle ok = valid(article());
        assertEquals("a-1", ok.article().id());
        assertEquals(Instant.parse("2025-02-27T00:00:00Z"), ok.published());
        assertEquals(BODY, ok.article().body());
    }

    @Test
    void acceptsAMissingPublishedAsNull() {
        ObjectNode node = article();
        node.remove("published");
        assertNull(valid(node).published());
    }

    @Test
    void acceptsABodyWithoutHeadline() {
        ObjectNode node = article();
        node.remove("headline");
        valid(node);
    }

    @Test
    void acceptsAnUndeclaredLanguageWhenTheTextIsEnglish() {
        ObjectNode node = article();
        node.remove("language");
        valid(node);
    }

    @Test
    void derivesAMissingIdFromTheUrl() {
        ObjectNode node = article();
        node.remove("id");
        String id = valid(node).article().id();
        assertEquals(ArticleIds.derive("https://example.org/story/1", null, null), id);
        assertTrue(id.startsWith("u-"));
    }

    @Test
    void derivesAMissingIdFromTheContentWithoutUrl() {
        ObjectNode node = article();
        node.remove("id");
        node.remove("url");
        String id = valid(node).article().id();
        assertTrue(id.startsWith("h-"), id);
        assertEquals(id, valid(node).article().id());
    }

    @Test
    void rejectsANullValueAsNotJson() {
        assertEquals(Rejection.NOT_JSON, rejected(null).reason());
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertEquals(Rejection.NOT_JSON, rejected("troops were sent".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(Rejection.NOT_JSON, rejected("{\"body\": \"unterminated".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(Rejection.NOT_JSON, rejected("{\"body\": \"x\"} trailing".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void rejectsHostileJsonAsNotJson() {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(Rejection.NOT_JSON, rejected(nested.getBytes(StandardCharsets.UTF_8)).reason());
        String longNumber = "{\"body\": " + "9".repeat(100_000) + "}";
        assertEquals(Rejection.NOT_JSON, rejected(longNumber.getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertEquals(Rejection.NOT_JSON, rejected("[1, 2, 3]".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(Rejection.NOT_JSON, rejected(new byte[0]).reason());
    }

    @Test
    void rejectsNoBodyAndNoHeadline() {
        ObjectNode node = article();
        node.remove("body");
        node.remove("headline");
        Rejection r = rejected(bytes(node));
        assertEquals(Rejection.MISSING_FIELD, r.reason());
        assertEquals("no body and no headline", r.detail());
    }

    @Test
    void rejectsAHeadlineWithoutBody() {
        ObjectNode node = article();
        node.remove("body");
        assertEquals(Rejection.MISSING_FIELD, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsABodyThatIsNotAString() {
        ObjectNode node = article();
        node.putObject("body").put("text", "nested");
        assertEquals(Rejection.MISSING_FIELD, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsABlankBody() {
        ObjectNode node = article();
        node.put("body", "  \n\n \t ");
        assertEquals(Rejection.EMPTY_BODY, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsAnOversizedRecordBeforeParsingIt() {
        ArticleValidator small = new ArticleValidator(Clock.fixed(NOW, ZoneOffset.UTC), 100, LanguageCheck.load());
        byte[] notEvenJson = new byte[101];
        Rejection r = assertInstanceOf(Rejection.class, small.validate(notEvenJson));
        assertEquals(Rejection.OVERSIZED, r.reason());
    }

    @Test
    void defaultSizeLimitIsOneMebibyte() {
        ObjectNode node = article();
        node.put("body", BODY + " " + "x".repeat(ArticleValidator.DEFAULT_MAX_BYTES));
        assertEquals(Rejection.OVERSIZED, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsMalformedUtf8() {
        byte[] good = bytes(article());
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length - 2);
        // an overlong encoding and a lone continuation byte inside the JSON string
        bad[good.length - 2] = (byte) 0xC0;
        bad[good.length - 1] = (byte) 0x80;
        bad[good.length] = '"';
        bad[good.length + 1] = '}';
        assertEquals(Rejection.INVALID_UTF8, rejected(bad).reason());
    }

    @Test
    void rejectsBinaryData() {
        byte[] binary = new byte[400];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 32);
        }
        assertEquals(Rejection.BINARY, rejected(binary).reason());
    }

    @Test
    void rejectsEscapedControlCharactersInTheBody() {
        ObjectNode node = article();
        node.put("body", BODY + "\u0000\u0001\u0002");
        assertEquals(Rejection.BINARY, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsBinaryThatWasDecodedLenientlyUpstream() {
        ObjectNode node = article();
        node.put("body", BODY + "\uFFFD".repeat(50));
        assertEquals(Rejection.BINARY, rejected(bytes(node)).reason());
        node.put("body", BODY + " \uFFFD ");
        valid(node);
    }

    @Test
    void rejectsADeclaredForeignLanguage() {
        ObjectNode node = article();
        node.put("language", "fr");
        Rejection r = rejected(bytes(node));
        assertEquals(Rejection.UNSUPPORTED_LANGUAGE, r.reason());
        assertEquals("declared language fr", r.detail());
    }

    @Test
    void acceptsEnglishLanguageTags() {
        for (String tag : new String[] {"en", "EN", "en-GB", "en_US", "eng"}) {
            ObjectNode node = article();
            node.put("language", tag);
            valid(node);
        }
    }

    @Test
    void rejectsUndeclaredForeignText() {
        ObjectNode node = article();
        node.remove("language");
        node.put("headline", "Les soldats quittent la base");
        node.put("body", "Les derniers soldats ont quitté la base aérienne vendredi, selon un communiqué de "
                + "l'armée. Le retrait des troupes est terminé et les équipements sont partis par la route.");
        assertEquals(Rejection.UNSUPPORTED_LANGUAGE, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsUnparseablePublished() {
        ObjectNode node = article();
        node.put("published", "last Tuesday");
        assertEquals(Rejection.BAD_PUBLISHED, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsPublishedBefore1990() {
        ObjectNode node = article();
        node.put("published", "1900-01-01");
        assertEquals(Rejection.BAD_PUBLISHED, rejected(bytes(node)).reason());
    }

    @Test
    void rejectsPublishedFarInTheFuture() {
        ObjectNode node = article();
        node.put("published", "2025-03-04T12:00:01Z");
        assertEquals(Rejection.BAD_PUBLISHED, rejected(bytes(node)).reason());
        node.put("published", "2025-03-03T11:00:00Z");
        valid(node);
    }

    @Test
    void parsesEveryPublishedFormat() {
        Instant expected = Instant.parse("2025-02-27T09:30:00Z");
        assertEquals(Instant.parse("2025-02-27T00:00:00Z"), ArticleValidator.publishedInstant("2025-02-27"));
        assertEquals(expected, ArticleValidator.publishedInstant("2025-02-27T09:30:00Z"));
        assertEquals(expected, ArticleValidator.publishedInstant("2025-02-27T18:30:00+09:00"));
        assertEquals(expected, ArticleValidator.publishedInstant("2025-02-27T18:30+09:00[Asia/Seoul]"));
        assertEquals(expected, ArticleValidator.publishedInstant("2025-02-27T09:30:00"));
        assertEquals(expected, ArticleValidator.publishedInstant("2025-02-27 09:30:00"));
        assertEquals(expected, ArticleValidator.publishedInstant("Thu, 27 Feb 2025 09:30:00 GMT"));
        assertEquals(expected, ArticleValidator.publishedInstant("Thu, 27 Feb 2025 10:30:00 +0100"));
        assertEquals(expected, ArticleValidator.publishedInstant("Thu, 27 Feb 2025 04:30:00 EST"));
        assertNull(ArticleValidator.publishedInstant(null));
        assertNull(ArticleValidator.publishedInstant("  "));
        assertThrows(DateTimeException.class, () -> ArticleValidator.publishedInstant("27/02/2025"));
        assertThrows(DateTimeException.class, () -> ArticleValidator.publishedInstant("2025-02-30"));
    }

    @Test
    void idsIgnoreUrlNoise() {
        String plain = ArticleIds.derive("https://example.org/world/story-1", null, null);
        assertEquals(plain, ArticleIds.derive("HTTP://WWW.Example.org/world/story-1/?utm_source=feed#top", "x", "y"));
        assertNotEquals(plain, ArticleIds.derive("https://example.org/world/story-2", null, null));
        assertEquals(ArticleIds.derive(null, "Head", "Body"), ArticleIds.derive("not a url", "Head", "Body"));
        assertTrue(ArticleIds.derive(null, null, null).startsWith("h-"));
    }

    @Test
    void everyReasonCodeIsStable() {
        assertEquals(Set.of("not-json", "missing-field", "empty-body", "oversized", "invalid-utf8", "binary",
                "unsupported-language", "bad-published"), Rejection.REASONS);
        assertThrows(IllegalArgumentException.class, () -> new Rejection("bad-vibes", ""));
    }
}
