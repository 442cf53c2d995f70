package dev.troopwatch.normalise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.stream.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Decides whether the bytes of one record on the raw-article topic are an article troopwatch can process, and if
 * not, why ({@link Rejection} reason codes). Pure: no Kafka, the clock is injected. Checks run cheapest first and
 * the size check runs before anything is decoded, so a huge record costs nothing. Thread-safe.
 */
public final class ArticleValidator {
    public static final int DEFAULT_MAX_BYTES = 1 << 20;
    /** Wire archives troopwatch reads start well after this; earlier dates are typos or placeholder values. */
    static final Instant EARLIEST_PUBLISHED = Instant.parse("1990-01-01T00:00:00Z");
    /** Time zones and clock skew put a fresh story up to a day ahead; more than this is a wrong date. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(2);
    /** Text may hold a stray control character or two; more than one in this many characters is binary data. */
    static final int CONTROL_CHAR_RATIO = 200;
    static final int CONTROL_CHAR_ALLOWANCE = 4;

    private static final DateTimeFormatter FEED_DATE_TIME =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH);

    private final Clock clock;
    private final int maxBytes;
    private final LanguageCheck languageCheck;

    public ArticleValidator(Clock clock, int maxBytes, LanguageCheck languageCheck) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.languageCheck = languageCheck;
    }

    public static ArticleValidator withDefaults(Clock clock) {
        return new ArticleValidator(clock, DEFAULT_MAX_BYTES, LanguageCheck.load());
    }

    public ValidationResult validate(byte[] value) {
        if (value == null) {
            return new Rejection(Rejection.NOT_JSON, "record has no value");
        }
        if (value.length > maxBytes) {
            return new Rejection(Rejection.OVERSIZED, value.length + " bytes, limit " + maxBytes);
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return new Rejection(Rejection.INVALID_UTF8, "malformed UTF-8: " + e.getMessage());
        }
        if (looksBinary(json)) {
            return new Rejection(Rejection.BINARY, "NUL or control characters in the record");
        }
        JsonNode root;
        try {
            root = Json.singleDocumentReader().readTree(json);
        } catch (JsonProcessingException e) {
            return new Rejection(Rejection.NOT_JSON, firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return new Rejection(Rejection.NOT_JSON, "expected a JSON object, got "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        for (String field : new String[] {"id", "url", "source", "headline", "published", "language", "body"}) {
            JsonNode node = root.get(field);
            if (node != null && !node.isNull() && !node.isValueNode()) {
                return new Rejection(Rejection.MISSING_FIELD, field + " is not a string");
            }
        }
        String body = text(root, "body");
        String headline = text(root, "headline");
        if (body == null) {
            return new Rejection(Rejection.MISSING_FIELD, headline == null ? "no body and no headline" : "no body");
        }
        if (body.isBlank()) {
            return new Rejection(Rejection.EMPTY_BODY, "body is blank");
        }
        if (looksBinary(body) || (headline != null && looksBinary(headline))) {
            return new Rejection(Rejection.BINARY, "NUL or control characters in the text");
        }
        String language = text(root, "language");
        if (language != null && !language.isBlank() && !isEnglishTag(language)) {
            return new Rejection(Rejection.UNSUPPORTED_LANGUAGE, "declared language " + language);
        }
        LanguageCheck.Result detected = languageCheck.check(headline == null ? body : headline + "\n" + body);
        if (!detected.english()) {
            return new Rejection(Rejection.UNSUPPORTED_LANGUAGE, "detected " + detected.evidence());
        }
        String publishedText = text(root, "published");
        Instant published;
        try {
            published = publishedInstant(publishedText);
        } catch (DateTimeException e) {
            return new Rejection(Rejection.BAD_PUBLISHED, "unparseable published '" + shorten(publishedText) + "'");
        }
        if (published != null) {
            Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
            if (published.isBefore(EARLIEST_PUBLISHED) || published.isAfter(latest)) {
                return new Rejection(Rejection.BAD_PUBLISHED, "published " + published + " outside "
                        + EARLIEST_PUBLISHED + " .. " + latest);
            }
        }
        String url = text(root, "url");
        String id = text(root, "id");
        if (id == null || id.isBlank()) {
            id = ArticleIds.derive(url, headline, body);
        }
        RawArticle article = new RawArticle(id, url, text(root, "source"), headline, publishedText, language, body);
        return new ValidArticle(article, published);
    }

    /**
     * The instant of a published field: ISO date (midnight UTC), ISO date-time with or without offset or zone
     * (no offset means UTC), the same with a space instead of "T", or RFC 1123 as feeds write it (also with a zone
     * name such as "EST"). Null for a missing or blank value; {@link DateTimeException} when the value is none of
     * these.
     */
    public static Instant publishedInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > 64) {
            throw new DateTimeException("published value too long");
        }
        if (Character.isLetter(value.charAt(0))) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                // feeds also write zone names ("EST", "PDT") where RFC 1123 wants an offset
                return ZonedDateTime.parse(value, FEED_DATE_TIME).toInstant();
            }
        }
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        if (value.length() <= 10 || value.charAt(10) != 'T') {
            TemporalAccessor date = DateTimeFormatter.ISO_DATE.parse(value);
            LocalDate day = LocalDate.from(date);
            ZoneOffset offset = date.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(date) : ZoneOffset.UTC;
            return day.atStartOfDay().toInstant(offset);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value,
                ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /**
     * {@link #publishedInstant} for callers that only order or time records by it (event time, publishing order):
     * null for a missing or unreadable value instead of an exception; whether the date is acceptable is still the
     * validator's decision.
     */
    public static Instant publishedInstantOrNull(String text) {
        try {
            return publishedInstant(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isEnglishTag(String language) {
        String tag = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return tag.equals("en") || tag.startsWith("en-") || tag.equals("eng") || tag.equals("english");
    }

    /**
     * A NUL, or control characters (other than tab and line breaks) beyond a small allowance. U+FFFD counts too:
     * binary data decoded leniently upstream arrives as valid UTF-8 full of replacement characters.
     */
    static boolean looksBinary(String text) {
        int controls = 0;
        int allowance = CONTROL_CHAR_ALLOWANCE + text.length() / CONTROL_CHAR_RATIO;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\uFFFD') {
                if (c == 0) {
                    return true;
                }
                if (c != '\n' && c != '\r' && c != '\t' && ++controls > allowance) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int nl = message.indexOf('\n');
        return shorten(nl < 0 ? message : message.substring(0, nl));
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
