package dev.troopwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
    private static final String HEADER_FILE = """
            url: https://example.org/wires/border-base
            outlet: Example Wire (AFP)
            title: Last soldiers leave the border base
            published: 2024-12-23
            ---
            The last soldiers left the border base on Saturday, the army said.

            About 200 troops and two dozen vehicles made the journey.
            """;

    @TempDir
    Path dir;

    @Test
    void headerFormatMapsOutletTitleAndPublished() throws IOException {
        RawArticle a = only(ArticleFiles.read(write("base.txt", HEADER_FILE)));
        assertEquals("https://example.org/wires/border-base", a.url());
        assertEquals("Example Wire (AFP)", a.source());
        assertEquals("Last soldiers leave the border base", a.headline());
        assertEquals("2024-12-23", a.published());
        assertTrue(a.body().startsWith("The last soldiers left"));
        assertTrue(a.body().contains("\n\nAbout 200 troops"), "paragraphs kept");
        assertTrue(a.id().startsWith("u-"), "id derived from the url: " + a.id());
    }

    @Test
    void headerFormatUnknownValuesBecomeNullAndIdFallsBackToContent() throws IOException {
        String text = HEADER_FILE.replace("https://example.org/wires/border-base", "unknown")
                .replace("2024-12-23", "unknown").replace("\n", "\r\n");
        RawArticle a = only(ArticleFiles.read(write("base.txt", text)));
        assertNull(a.url());
        assertNull(a.published());
        assertTrue(a.id().startsWith("h-"), a.id());
        assertFalse(a.body().contains("\r"));
        RawArticle again = only(ArticleFiles.read(write("copy.txt", text)));
        assertEquals(a.id(), again.id(), "same content, same key");
    }

    @Test
    void headerFormatWithoutSeparatorOrWithGarbageHeaderIsRejected() throws IOException {
        assertReason(ArticleFiles.read(write("a.txt", "title: x\npublished: 2024-01-01\nbody text\n")),
                "not an article");
        assertReason(ArticleFiles.read(write("b.txt", "title: x\nthis line has no colon\n---\nbody\n")),
                "expected 'key: value'");
        assertReason(ArticleFiles.read(write("c.txt", "title: only a title\n---\n\n")), "no body");
        RawArticle untitled = only(ArticleFiles.read(write("d.txt", "title: unknown\n---\nA body without a title.\n")));
        assertNull(untitled.headline(), "published; the pipeline's validator decides");
    }

    @Test
    void jsonWithOurFieldNames() throws IOException {
        RawArticle a = only(ArticleFiles.read(write("a.json", """
                {"id": "wire-42", "url": "https://example.org/42", "source": "Example Wire", "headline": "Troops arrive",
                 "published": "2025-02-27T06:30:00Z", "language": "en", "body": "Troops arrived on Thursday."}
                """)));
        assertEquals(new RawArticle("wire-42", "https://example.org/42", "Example Wire", "Troops arrive",
                "2025-02-27T06:30:00Z", "en", "Troops arrived on Thursday."), a);
    }

    @Test
    void ninjsOneWithFlatFields() throws IOException {
        RawArticle a = only(ArticleFiles.read(write("ninjs1.json", """
                {"uri": "urn:newsml:example.org:20250227:wire-7", "type": "text", "versioncreated": "2025-02-27T07:00:00Z",
                 "firstcreated": "2025-02-27T06:00:00Z", "language": "en", "copyrightholder": "Example Agency",
                 "headline": "Engineers return home", "body_text": "The engineering unit returned on Monday."}
                """)));
        assertEquals("urn:newsml:example.org:20250227:wire-7", a.id());
        assertNull(a.url());
        assertEquals("Engineers return home", a.headline());
        assertEquals("The engineering unit returned on Monday.", a.body());
        assertEquals("2025-02-27T07:00:00Z", a.published(), "versioncreated first");
        assertEquals("Example Agency", a.source());
        assertEquals("en", a.language());
    }

    @Test
    void ninjsTwoWithHeadlinesAndHtmlBodiesArrays() throws IOException {
        RawArticle a = only(ArticleFiles.read(write("ninjs2.json", """
                {"uri": "https://example.org/stories/9", "firstcreated": "2025-01-11T09:00:00+01:00",
                 "headlines": [{"role": "sub", "value": "A sub headline"}, {"role": "main", "value": "Sappers sent east"}],
                 "bodies": [{"role": "main", "contenttype": "text/html",
                             "value": "<p>About 1&nbsp;000 sappers will go, officials said.</p><p>They will clear mines &amp; rebuild.<script>track()</script></p>"}],
                 "infosources": [{"name": "Example News Service"}]}
                """)));
        assertEquals("https://example.org/stories/9", a.url());
        assertTrue(a.id().startsWith("u-"));
        assertEquals("Sappers sent east", a.headline());
        assertEquals("About 1 000 sappers will go, officials said.\n\nThey will clear mines & rebuild.", a.body());
        assertEquals("2025-01-11T09:00:00+01:00", a.published());
        assertEquals("Example News Service", a.source());
    }

    @Test
    void ninjsPrefersPlainTextBodyAndFirstHeadline() throws IOException {
        RawArticle a = only(ArticleFiles.read(write("ninjs3.json", """
                {"uri": "https://example.org/stories/10",
                 "headlines": [{"value": "First headline"}, {"value": "Second headline"}],
                 "bodies": [{"contenttype": "text/html", "value": "<p>html</p>"},
                            {"contenttype": "text/plain", "value": "Plain text body."}]}
                """)));
        assertEquals("First headline", a.headline());
        assertEquals("Plain text body.", a.body());
    }

    @Test
    void jsonArrayHoldsSeveralArticles() throws IOException {
        ReadBatch batch = ArticleFiles.read(write("many.json", """
                [{"headline": "One", "body": "First body."}, {"headline": "Two"}, {"headline": "Three", "body": "Third."}]
                """));
        assertEquals(List.of("One", "Three"), batch.articles().stream().map(p -> p.article().headline()).toList());
        assertEquals(1, batch.rejections().size());
        assertTrue(batch.rejections().get(0).origin().endsWith("many.json[1]"));
    }

    @Test
    void ndjsonReadsEachLineAndRejectsOnlyTheBadOnes() throws IOException {
        ReadBatch batch = ArticleFiles.read(write("day.ndjson", """
                {"headline": "One", "body": "First body.", "published": "2025-02-01"}

                {"headline": "Two", "body": "Second body."
                {"headline": "Three", "body": "Third body."}
                "just a string"
                """));
        assertEquals(List.of("One", "Three"), batch.articles().stream().map(p -> p.article().headline()).toList());
        assertEquals(2, batch.rejections().size());
        assertTrue(batch.rejections().get(0).origin().endsWith("day.ndjson:3"), batch.rejections().toString());
        assertTrue(batch.rejections().get(0).reason().startsWith("invalid JSON"));
        assertTrue(batch.rejections().get(1).reason().contains("expected a JSON object"));
    }

    @Test
    void ndjsonIsRecognisedByContentWithoutTheExtension() throws IOException {
        ReadBatch batch = ArticleFiles.read(write("day.json",
                "{\"headline\": \"One\", \"body\": \"A.\"}\n{\"headline\": \"Two\", \"body\": \"B.\"}\n"));
        assertEquals(2, batch.articles().size());
    }

    @Test
    void badFilesAreRejectedWithAReasonAndDoNotStopTheRest() throws IOException {
        write("empty.txt", "");
        write("blank.json", "  \n\n ");
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2, (byte) 0xFF});
        Files.write(dir.resolve("nul.txt"), "title: x\n---\nbo\u0000dy".getBytes(StandardCharsets.UTF_8));
        write("invalid.json", "{\"headline\": \"x\", \"body\": ");
        write("not-article.json", "{\"name\": \"x\", \"value\": 3}");
        write("prose.txt", "Just some prose without any header.\n");
        write("sub/deeper/good.txt", HEADER_FILE);
        write("notes.md", "ignored: not an article extension");
        write(".hidden.json", "{\"headline\": \"h\", \"body\": \"b\"}");
        ReadBatch batch = ArticleFiles.read(dir);
        assertEquals(1, batch.articles().size(), batch.toString());
        assertTrue(batch.articles().get(0).origin().endsWith("good.txt"));
        assertEquals(7, batch.rejections().size(), batch.rejections().toString());
        assertReasonFor(batch, "empty.txt", "empty");
        assertReasonFor(batch, "blank.json", "empty");
        assertReasonFor(batch, "binary.json", "not UTF-8");
        assertReasonFor(batch, "nul.txt", "NUL");
        assertReasonFor(batch, "invalid.json", "invalid JSON");
        assertReasonFor(batch, "not-article.json", "no headline and no body");
        assertReasonFor(batch, "prose.txt", "not an article");
    }

    @Test
    void missingPathIsARejection() {
        assertReason(ArticleFiles.read(dir.resolve("nope.txt")), "no such file");
    }

    @Test
    void stdinDetectsEachFormat() {
        assertEquals("Last soldiers leave the border base", only(ArticleFiles.read(stream(HEADER_FILE), "-")).headline());
        assertEquals("J", only(ArticleFiles.read(stream("{\"headline\":\"J\",\"body\":\"b\"}"), "-")).headline());
        assertEquals(2, ArticleFiles.read(stream("{\"headline\":\"A\",\"body\":\"b\"}\n{\"headline\":\"B\",\"body\":\"c\"}"),
                "-").articles().size());
        assertReason(ArticleFiles.read(stream(""), "-"), "empty");
    }

    @Test
    void everyDevCorpusArticleParses() throws IOException {
        Path corpus = Path.of(System.getProperty("troopwatch.shared", "../shared"), "corpus", "dev");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "dev corpus not found at " + corpus + "; skipped");
        try (var files = Files.list(corpus)) {
            List<Path> texts = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            for (Path file : texts) {
                ReadBatch batch = ArticleFiles.read(file);
                assertEquals(List.of(), batch.rejections(), file.toString());
                RawArticle a = only(batch);
                assertTrue(a.source() != null && !a.body().isBlank(), file.toString());
                assertTrue(a.published() == null || a.published().matches("\\d{4}-\\d{2}-\\d{2}.*"), a.published());
            }
            assertTrue(texts.size() > 100, "expected the dev corpus, found " + texts.size() + " files");
        }
    }

    @Test
    void htmlToTextHandlesEntitiesCommentsAndUnclosedTags() {
        assertEquals("A & B \u2014 C", HtmlText.toText("<div>A &amp; B &mdash; C</div>"));
        assertEquals("one\n\ntwo", HtmlText.toText("<p>one<!-- hidden --></p><br/><p>two</p>"));
        assertEquals("x &unknown; y", HtmlText.toText("x &unknown; y"));
        assertEquals("a < b", HtmlText.toText("a < b"));
        assertEquals("\u00e9 \u00e9", HtmlText.toText("&#233; &#xE9;"));
        assertEquals("kept", HtmlText.toText("<style>p{}</style>kept<script>never closed"));
        assertEquals("&amp and later;", HtmlText.toText("&amp and later;"), "an entity ends within a few characters");
    }

    @Test
    void htmlWithManyAmpersandsIsReadInOnePass() {
        // each '&' once searched the rest of the text for ';': a feed body of ampersands took minutes
        String hostile = "&".repeat(300_000) + ";";
        assertEquals(hostile, HtmlText.toText(hostile));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RawArticle only(ReadBatch batch) {
        assertEquals(List.of(), batch.rejections());
        assertEquals(1, batch.articles().size());
        return batch.articles().get(0).article();
    }

    private static void assertReason(ReadBatch batch, String reason) {
        assertEquals(0, batch.articles().size(), batch.toString());
        assertEquals(1, batch.rejections().size(), batch.toString());
        assertTrue(batch.rejections().get(0).reason().contains(reason), batch.rejections().toString());
    }

    private static void assertReasonFor(ReadBatch batch, String file, String reason) {
        Rejection r = batch.rejections().stream().filter(x -> x.origin().endsWith(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no rejection for " + file + " in " + batch.rejections()));
        assertTrue(r.reason().contains(reason), r.toString());
    }
}
