package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The most recent alerts, in arrival order, in a bounded buffer: what the live feed replays to a browser that
 * (re)connects and what {@code GET /api/alerts} answers from. Each alert gets a sequence number so a reconnecting
 * browser asks only for what it missed; alerts are deduplicated by their deterministic {@code alert_id}, because a
 * restarted reader may see the same committed alert twice. Beyond the buffer it indexes alerts by id and by
 * situation (alerts are rare: only real changes), so a situation's history can name the alerts each report raised.
 */
public final class AlertLog {
    /**
     * One buffered alert with its arrival sequence number; {@code live} is false for alerts read while catching up
     * with the topic at start, which are history rather than news.
     */
    public record Entry(long seq, JsonNode alert, boolean live) {
    }

    /** Index bounds: far above any real alert volume, there so a runaway producer cannot exhaust memory. */
    static final int MAX_INDEXED = 100_000;
    static final int MAX_PER_SITUATION = 2_000;

    private final int capacity;
    private final ArrayDeque<Entry> entries;
    private final Map<String, JsonNode> byId = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > MAX_INDEXED;
        }
    };
    private final Map<String, ArrayDeque<JsonNode>> bySituation = new HashMap<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private long lastSeq;
    private long total;

    public AlertLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
    }

    /** Adds a live alert; see {@link #append(JsonNode, boolean)}. */
    public boolean append(JsonNode alert) {
        return append(alert, true);
    }

    /** Adds an alert unless one with the same alert_id was seen; tells the listeners. Returns true if added. */
    public boolean append(JsonNode alert, boolean live) {
        Entry entry;
        synchronized (this) {
            String id = alert.path("alert_id").asText(null);
            if (id != null) {
                if (byId.containsKey(id)) {
                    return false;
                }
                byId.put(id, alert);
            }
            String situation = situationOf(alert);
            if (situation != null) {
                ArrayDeque<JsonNode> alerts = bySituation.computeIfAbsent(situation, k -> new ArrayDeque<>());
                if (alerts.size() == MAX_PER_SITUATION) {
                    alerts.removeFirst();
                }
                alerts.addLast(alert);
            }
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entry = new Entry(++lastSeq, alert, live);
            entries.addLast(entry);
            total++;
        }
        for (Consumer<Entry> listener : listeners) {
            listener.accept(entry);
        }
        return true;
    }

    /** Registers a listener for every new alert; close the result to unregister. */
    public AutoCloseable subscribe(Consumer<Entry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Buffered entries with a sequence number above {@code seq}, oldest first. */
    public synchronized List<Entry> after(long seq) {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.seq() > seq) {
                result.add(entry);
            }
        }
        return result;
    }

    /** Alerts matching the query, newest first. */
    public synchronized List<JsonNode> query(AlertQuery query) {
        List<JsonNode> result = new ArrayList<>();
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext() && result.size() < query.limit()) {
            JsonNode alert = newestFirst.next().alert();
            if (matches(alert, query)) {
                result.add(alert);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** An alert by its id, if this log has seen it. */
    public synchronized Optional<JsonNode> byId(String alertId) {
        return Optional.ofNullable(byId.get(alertId));
    }

    /** Every alert seen for a situation ("KP-RU"), in arrival order. */
    public synchronized List<JsonNode> forSituation(String situation) {
        ArrayDeque<JsonNode> alerts = bySituation.get(situation);
        return alerts == null ? List.of() : List.copyOf(alerts);
    }

    static String situationOf(JsonNode alert) {
        JsonNode situation = alert.path("situation");
        if (!situation.hasNonNull("actor") || !situation.hasNonNull("host")) {
            return null;
        }
        return situation.get("actor").asText() + "-" + situation.get("host").asText();
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Alerts appended since this log was created (including ones since evicted). */
    public synchronized long total() {
        return total;
    }

    public int capacity() {
        return capacity;
    }

    private static boolean matches(JsonNode alert, AlertQuery query) {
        if (query.type() != null && !query.type().equals(alert.path("type").asText())) {
            return false;
        }
        if (query.situation() != null) {
            JsonNode situation = alert.path("situation");
            if (!query.situation().actor().equals(situation.path("actor").asText())
                    || !query.situation().host().equals(situation.path("host").asText())) {
                return false;
            }
        }
        if (query.since() != null) {
            Instant detected = instantOf(alert.path("detected_at").asText(null));
            return detected != null && !detected.isBefore(query.since());
        }
        return true;
    }

    static Instant instantOf(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
