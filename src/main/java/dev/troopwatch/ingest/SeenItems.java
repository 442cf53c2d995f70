package dev.troopwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Ids of the feed items already published, one per line in a file under the data dir, so that a restarted
 * {@code publish --feed} does not publish them again. Appended after the broker acknowledged the item.
 */
public final class SeenItems {
    private final Path file;
    private final Set<String> seen = new HashSet<>();

    public SeenItems(Path file) {
        this.file = file;
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        seen.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seen feed items from " + file, e);
        }
    }

    public synchronized boolean contains(String id) {
        return seen.contains(id);
    }

    public synchronized void add(String id) {
        if (seen.add(id)) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, id.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record seen feed item in " + file, e);
            }
        }
    }

    public synchronized int size() {
        return seen.size();
    }
}
