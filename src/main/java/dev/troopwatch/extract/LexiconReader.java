package dev.troopwatch.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the pipe-separated lexicon files strictly: UTF-8 only, '#' comment lines and blank lines skipped, every
 * data line must have between {@code minFields} and {@code maxFields} fields and a non-empty first field.
 * Any problem fails the load with the file and line, so a broken rule file never half-loads.
 */
final class LexiconReader {
    private LexiconReader() {
    }

    static List<LexiconRow> readResource(String resource, int minFields, int maxFields) {
        InputStream in = LexiconReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new LexiconException(resource, 0, "resource not found");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(resource, reader, minFields, maxFields);
        } catch (IOException e) {
            throw new LexiconException(resource, 0, "unreadable: " + e.getMessage());
        }
    }

    static List<LexiconRow> read(String name, Reader source, int minFields, int maxFields) {
        List<LexiconRow> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        int lineNo = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> fields = new ArrayList<>(Arrays.asList(trimmed.split("\\|", -1)));
                fields.replaceAll(String::strip);
                if (fields.size() < minFields || fields.size() > maxFields) {
                    throw new LexiconException(name, lineNo, "expected " + minFields
                            + (maxFields > minFields ? ".." + maxFields : "") + " fields, found " + fields.size()
                            + ": " + trimmed);
                }
                if (fields.get(0).isEmpty()) {
                    throw new LexiconException(name, lineNo, "empty first field: " + trimmed);
                }
                rows.add(new LexiconRow(name, lineNo, fields));
            }
        } catch (CharacterCodingException e) {
            throw new LexiconException(name, lineNo + 1, "not UTF-8");
        } catch (IOException e) {
            throw new LexiconException(name, lineNo, "unreadable: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new LexiconException(name, lineNo, "no entries");
        }
        return rows;
    }
}
