package dev.troopwatch.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule or lexicon file from the classpath, read strictly as UTF-8: '#' starts a comment line, blank lines are
 * skipped, every other line is an entry that keeps its line number so a loader can fail naming file and line.
 */
final class RuleFile {
    /** A non-comment line of a rule file. */
    record Line(String file, int number, String text) {
        IllegalStateException error(String message) {
            return new IllegalStateException(file + ":" + number + ": " + message + " in line '" + text + "'");
        }
    }

    private RuleFile() {
    }

    static List<Line> read(String resource) {
        InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("rule file not found on classpath: " + resource);
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                String text = raw.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                lines.add(new Line(resource, number, text));
            }
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(resource + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException(resource + ": no entries");
        }
        return lines;
    }
}
