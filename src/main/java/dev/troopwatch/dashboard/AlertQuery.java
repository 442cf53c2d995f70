package dev.troopwatch.dashboard;

import dev.troopwatch.alert.AlertType;
import dev.troopwatch.track.SituationKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Filters of {@code GET /api/alerts}: alerts detected at or after {@code since}, of one {@code type}, about one
 * {@code situation}, at most {@code limit} of them (newest first).
 */
public record AlertQuery(Instant since, String type, SituationKey situation, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 1_000;

    /** The alert types of the alerts contract; a filter on any other type is a client error. */
    public static final Set<String> TYPES = Arrays.stream(AlertType.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    public static AlertQuery all() {
        return new AlertQuery(null, null, null, MAX_LIMIT);
    }

    /** Parses query parameters; each bad one throws {@link BadParameterException} naming it. */
    public static AlertQuery parse(Map<String, List<String>> params) {
        Instant since = null;
        String sinceText = single(params, "since");
        if (sinceText != null) {
            since = parseInstant(sinceText);
        }
        String type = single(params, "type");
        if (type != null) {
            type = type.toUpperCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new BadParameterException("type", "unknown alert type '" + type + "'; one of " + TYPES);
            }
        }
        SituationKey situation = null;
        String situationText = single(params, "situation");
        if (situationText != null) {
            try {
                situation = SituationKey.parse(situationText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("situation", e.getMessage());
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = single(params, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                throw new BadParameterException("limit", "limit must be a whole number, got '" + limitText + "'");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new BadParameterException("limit", "limit must be between 1 and " + MAX_LIMIT);
            }
        }
        return new AlertQuery(since, type, situation, limit);
    }

    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadParameterException(name, "give " + name + " at most once");
        }
        String value = values.get(0).strip();
        if (value.isEmpty()) {
            throw new BadParameterException(name, name + " is empty");
        }
        return value;
    }

    /** Accepts an ISO-8601 instant, an offset date-time or a plain date (taken as midnight UTC). */
    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new BadParameterException("since",
                        "since must be ISO-8601 like 2025-02-27T00:00:00Z or 2025-02-27, got '" + text + "'");
            }
        }
    }
}
