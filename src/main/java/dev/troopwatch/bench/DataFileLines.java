package dev.troopwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads one of the generator's data files: UTF-8, '#' comments and blank lines skipped, each line numbered. */
final class DataFileLines {
    record Line(String file, int number, String text) {
        IllegalStateException error(String problem) {
            return new IllegalStateException(file + ":" + number + ": " + problem + ": " + text);
        }
    }

    private DataFileLines() {
    }

    static List<Line> read(String resource) {
        InputStream in = DataFileLines.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing data file " + resource);
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                String trimmed = text.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(new Line(resource, number, trimmed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return List.copyOf(lines);
    }
}
