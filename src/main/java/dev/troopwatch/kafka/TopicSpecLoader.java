package dev.troopwatch.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the topic declarations in {@code topics/*.json} strictly: an unknown field, a missing one, a name that does
 * not match its file, or a schema that is not draft 2020-12 fails naming the file. The jar carries a copy of
 * {@code topics/} so the application works from any directory; a directory given explicitly wins.
 */
public final class TopicSpecLoader {
    /** Classpath folder the pom copies {@code topics/} into. */
    public static final String BUNDLED_FOLDER = "topics";
    private static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "partitions", "replication_factor",
            "configs", "key", "value");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TopicSpecLoader() {
    }

    /** {@code dir} when present, else the copy bundled in the jar. */
    public static List<TopicSpec> load(Optional<Path> dir) {
        return dir.map(TopicSpecLoader::loadDirectory).orElseGet(TopicSpecLoader::loadBundled);
    }

    /** Every {@code *.json} in {@code dir}, sorted by name. */
    public static List<TopicSpec> loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("topics directory " + dir + " does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<TopicSpec> specs = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                specs.add(parse(file));
            }
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("topics directory " + dir + " holds no *.json topic files");
            }
            return List.copyOf(specs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The topic files packaged in the jar (or target/classes when run from the build). */
    public static List<TopicSpec> loadBundled() {
        URL url = TopicSpecLoader.class.getClassLoader().getResource(BUNDLED_FOLDER);
        if (url == null) {
            throw new IllegalStateException("no bundled topics/ on the classpath; rebuild the jar or pass --topics-dir");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return loadDirectory(jar.getPath(BUNDLED_FOLDER));
            }
            return loadDirectory(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open bundled topics at " + url, e);
        }
    }

    /** One topic file. */
    public static TopicSpec parse(Path file) {
        String origin = file.toString();
        JsonNode root;
        try {
            root = STRICT.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(origin + ": must hold one JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!TOP_LEVEL.contains(field)) {
                throw new IllegalArgumentException(origin + ": unknown field '" + field + "' (allowed: "
                        + String.join(", ", TOP_LEVEL.stream().sorted().toList()) + ")");
            }
        }
        String name = text(root, "name", origin);
        String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (!name.equals(expected)) {
            throw new IllegalArgumentException(origin + ": name '" + name + "' must match the file name '"
                    + expected + "'");
        }
        JsonNode key = object(root, "key", origin);
        JsonNode value = object(root, "value", origin);
        JsonNode schema = object(value, "schema", origin + " value");
        if (!SCHEMA_DIALECT.equals(schema.path("$schema").asText())) {
            throw new IllegalArgumentException(origin + ": value.schema must declare \"$schema\": \"" + SCHEMA_DIALECT
                    + "\"");
        }
        return new TopicSpec(name, text(root, "description", origin), integer(root, "partitions", origin),
                integer(root, "replication_factor", origin), configs(root, origin), text(key, "format", origin + " key"),
                text(key, "description", origin + " key"), text(value, "format", origin + " value"), schema, origin);
    }

    private static Map<String, String> configs(JsonNode root, String origin) {
        JsonNode node = object(root, "configs", origin);
        Map<String, String> configs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode v = entry.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new IllegalArgumentException(origin + ": configs." + entry.getKey()
                        + " must be a string, number or boolean");
            }
            configs.put(entry.getKey(), v.asText());
        }
        return configs;
    }

    private static String text(JsonNode node, String field, String origin) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(origin + ": '" + field + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field, String origin) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(origin + ": '" + field + "' must be an integer");
        }
        return v.asInt();
    }

    private static JsonNode object(JsonNode node, String field, String origin) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException(origin + ": '" + field + "' must be an object");
        }
        return v;
    }
}
