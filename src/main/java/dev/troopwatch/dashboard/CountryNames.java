package dev.troopwatch.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Display names for the codes that situations use (ISO 3166-1 alpha-2 plus UN, ZZ, NATO, ...). */
public final class CountryNames {
    static final String RESOURCE = "/dashboard/countries.tsv";
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,4}|[a-z]{2,8}");

    private final Map<String, String> names;

    private CountryNames(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    /** Loads the bundled table strictly: a malformed or duplicate line fails naming the file and line. */
    public static CountryNames load() {
        try (InputStream in = CountryNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static CountryNames parse(InputStream in, String file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 2 || !CODE.matcher(parts[0]).matches() || parts[1].isBlank()) {
                throw new IllegalArgumentException(file + ":" + number + ": expected CODE<TAB>name, got '" + line
                        + "'");
            }
            if (names.putIfAbsent(parts[0], parts[1].strip()) != null) {
                throw new IllegalArgumentException(file + ":" + number + ": duplicate code " + parts[0]);
            }
        }
        return new CountryNames(names);
    }

    /** The name for a code, or the code itself when the table does not know it. */
    public String nameOf(String code) {
        if (code == null) {
            return null;
        }
        return names.getOrDefault(code, code);
    }

    public Map<String, String> asMap() {
        return names;
    }
}
