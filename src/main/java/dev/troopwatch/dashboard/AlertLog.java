package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The most recent alerts, in arrival order, in a bounded buffer: what the live feed replays to a browser that
 * (re)connects and what {@code GET /api/alerts} answers from. Each alert gets a sequence number so a reconnecting
 * browser asks only for what it missed; alerts are deduplicated by their deterministic {@code alert_id}, because a
 * restarted reader may see the same committed alert twice.
 */
public final class AlertLog {
    /** One buffered alert with its arrival sequence number. */
    public record Entry(long seq, JsonNode alert) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries;
    private final Set<String> ids = new HashSet<>();
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

    /** Adds an alert unless one with the same alert_id is buffered; tells the listeners. Returns true if added. */
    public boolean append(JsonNode alert) {
        Entry entry;
        synchronized (this) {
            String id = alert.path("alert_id").asText(null);
            if (id != null && !ids.add(id)) {
                return false;
            }
            if (entries.size() == capacity) {
                Entry evicted = entries.removeFirst();
                ids.remove(evicted.alert().path("alert_id").asText(null));
            }
            entry = new Entry(++lastSeq, alert);
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
