package dev.troopwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one entry point for reading articles from disk or stdin: files of any of the {@link ArticleFormat}s,
 * directories (recursively; files with extensions .txt, .json, .ndjson, .jsonl), or a stream. Each file or line that
 * is not an article becomes a {@link Rejection} with a reason; nothing here throws for bad content.
 */
public final class ArticleFiles {
    /** Larger inputs are rejected unread rather than exhaust memory. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final Set<String> DIRECTORY_EXTENSIONS = Set.of(".txt", ".json", ".ndjson", ".jsonl");

    private ArticleFiles() {
    }

    /** A file, or every article file under a directory, in path order. */
    public static ReadBatch read(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                List<ParsedArticle> articles = new ArrayList<>();
                List<Rejection> rejections = new ArrayList<>();
                for (Path file : walk.filter(Files::isRegularFile).filter(ArticleFiles::isArticleFile).sorted()
                        .toList()) {
                    ReadBatch one = readFile(file);
                    articles.addAll(one.articles());
                    rejections.addAll(one.rejections());
                }
                return new ReadBatch(articles, rejections);
            } catch (IOException | UncheckedIOException e) {
                return new ReadBatch(List.of(), List.of(new Rejection(path.toString(), "cannot list directory: "
                        + e.getMessage())));
            }
        }
        if (!Files.exists(path)) {
            return new ReadBatch(List.of(), List.of(new Rejection(path.toString(), "no such file or directory")));
        }
        return readFile(path);
    }

    /** Articles from a stream (stdin), format detected from the content. */
    public static ReadBatch read(InputStream in, String origin) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1));
            if (bytes.length > MAX_FILE_BYTES) {
                return rejected(origin, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(origin, origin, bytes);
        } catch (IOException e) {
            return rejected(origin, "cannot read: " + e.getMessage());
        }
    }

    private static ReadBatch readFile(Path file) {
        String origin = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return rejected(origin, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(origin, file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            return rejected(origin, "cannot read: " + e.getMessage());
        }
    }

    /** Parses one input's bytes; {@code name} drives format detection by extension. */
    static ReadBatch parse(String origin, String name, byte[] bytes) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return rejected(origin, "not UTF-8 text (binary file?)");
        }
        String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        if (text.isBlank()) {
            return rejected(origin, "empty");
        }
        if (text.indexOf('\u0000') >= 0) {
            return rejected(origin, "binary content (NUL bytes)");
        }
        ArticleFormat format = ArticleFormat.detect(name, text);
        if (format == null) {
            return rejected(origin, "not an article: expected the header format (key: value lines, ---, body), "
                    + "JSON or NDJSON");
        }
        return switch (format) {
            case HEADER -> one(origin, () -> HeaderArticleParser.parse(text));
            case JSON -> json(origin, text);
            case NDJSON -> ndjson(origin, text);
        };
    }

    private static ReadBatch json(String origin, String text) {
        JsonNode root;
        try {
            root = Json.singleDocumentReader().readTree(text);
        } catch (JsonProcessingException e) {
            return rejected(origin, "invalid JSON: " + jsonProblem(e));
        }
        if (root.isArray()) {
            List<ParsedArticle> articles = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                JsonNode element = root.get(i);
                ReadBatch item = one(origin + "[" + i + "]", () -> JsonArticleMapper.fromJson(element));
                articles.addAll(item.articles());
                rejections.addAll(item.rejections());
            }
            return new ReadBatch(articles, rejections);
        }
        return one(origin, () -> JsonArticleMapper.fromJson(root));
    }

    private static ReadBatch ndjson(String origin, String text) {
        List<ParsedArticle> articles = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String lineOrigin = origin + ":" + (i + 1);
            ReadBatch item;
            try {
                JsonNode node = Json.singleDocumentReader().readTree(line);
                item = one(lineOrigin, () -> JsonArticleMapper.fromJson(node));
            } catch (JsonProcessingException e) {
                item = rejected(lineOrigin, "invalid JSON: " + jsonProblem(e));
            }
            articles.addAll(item.articles());
            rejections.addAll(item.rejections());
        }
        return new ReadBatch(articles, rejections);
    }

    private interface ArticleSource {
        RawArticle get();
    }

    /**
     * Parses one article and checks that it has a body. A missing headline (some wires do not know it) is left for
     * the pipeline's validator to decide, so the producer never drops an article the pipeline could use.
     */
    private static ReadBatch one(String origin, ArticleSource source) {
        RawArticle article;
        try {
            article = source.get();
        } catch (UnreadableArticleException e) {
            return rejected(origin, e.getMessage());
        }
        boolean noHeadline = article.headline() == null || article.headline().isBlank();
        boolean noBody = article.body() == null || article.body().isBlank();
        if (noHeadline && noBody) {
            return rejected(origin, "no headline and no body: not an article");
        }
        if (noBody) {
            return rejected(origin, "no body");
        }
        return new ReadBatch(List.of(new ParsedArticle(origin, ArticleKeys.withId(article))), List.of());
    }

    private static ReadBatch rejected(String origin, String reason) {
        return new ReadBatch(List.of(), List.of(new Rejection(origin, reason)));
    }

    private static String jsonProblem(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column "
                + e.getLocation().getColumnNr();
        return e.getOriginalMessage() + where;
    }

    private static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && DIRECTORY_EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
