package dev.troopwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real local HTTP server serving RSS and Atom fixtures. */
class FeedPollerTest {
    @TempDir
    Path dataDir;
    private HttpServer server;
    private final ConcurrentHashMap<String, byte[]> documents = new ConcurrentHashMap<>();
    private final List<RawArticle> published = new ArrayList<>();
    private final ArticleSink sink = new ArticleSink() {
        @Override
        public PublishReport publish(ReadBatch batch, Consumer<ParsedArticle> onPublished) {
            batch.articles().forEach(a -> {
                published.add(a.article());
                onPublished.accept(a);
            });
            return new PublishReport(batch.articles().size(), batch.rejections());
        }
    };

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = documents.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        documents.put("/rss", fixture("wires.rss.xml"));
        documents.put("/atom", fixture("wires.atom.xml"));
        documents.put("/broken", "<rss><channel><item>".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void rssItemsArePublishedOnceOldestFirstEvenAcrossRestarts() throws Exception {
        URI feed = url("/rss");
        PublishReport first = poller(feed).pollOnce();
        assertEquals(2, first.published());
        assertEquals(1, first.rejected().size(), "the item without text");
        assertTrue(first.rejected().get(0).reason().contains("no body"));
        assertEquals(List.of("First contingent arrives at training grounds",
                "Second contingent reaches the front, officials say"),
                published.stream().map(RawArticle::headline).toList());
        RawArticle second = published.get(1);
        assertEquals("https://wire.example.org/stories/2002", second.url());
        assertEquals("Example Wire Service", second.source());
        assertEquals("en", second.language());
        assertEquals("2025-02-27T08:15:00Z", second.published());
        assertEquals("A second group of soldiers reached the front line on Thursday, officials said.\n\n"
                + "Its size is still being assessed.", second.body());
        assertTrue(second.id().startsWith("u-"));

        assertEquals(new PublishReport(0, List.of()), poller(feed).pollOnce(), "second poll: nothing new");
        assertEquals(new PublishReport(0, List.of()), poller(feed).pollOnce(), "new process, same data dir");
        assertEquals(2, published.size());

        String updated = new String(fixture("wires.rss.xml")).replaceFirst("<item>", """
                <item>
                  <title>Third report</title><link>https://wire.example.org/stories/2003</link>
                  <guid isPermaLink="false">wire-2003</guid><pubDate>Fri, 28 Feb 2025 08:00:00 GMT</pubDate>
                  <description>A third report.</description>
                </item>
                <item>""".stripIndent());
        documents.put("/rss", updated.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, poller(feed).pollOnce().published());
        assertEquals("Third report", published.get(2).headline());
    }

    @Test
    void atomEntriesUseContentOrSummary() throws Exception {
        PublishReport report = poller(url("/atom")).pollOnce();
        assertEquals(2, report.published());
        RawArticle first = published.get(0);
        assertEquals("Engineers begin mine clearance near the border", first.headline());
        assertEquals("Military engineers started clearing mines on Saturday & will stay for weeks.", first.body());
        assertEquals("2025-03-01T09:00:00Z", first.published());
        assertEquals("https://atom.example.org/3001", first.url());
        assertEquals("Example Atom Wires", first.source());
        assertEquals("The last unit left the base on Sunday, the army said.", published.get(1).body());
        assertEquals("2025-03-02T12:00:00Z", published.get(1).published(), "updated when not published");
    }

    @Test
    void httpErrorsAndBrokenFeedsFailThePollWithoutMarkingAnythingSeen() {
        IOException missing = assertThrows(IOException.class, () -> poller(url("/missing")).pollOnce());
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        IOException broken = assertThrows(IOException.class, () -> poller(url("/broken")).pollOnce());
        assertTrue(broken.getMessage().contains("not an RSS or Atom feed"), broken.getMessage());
        assertEquals(0, new SeenItems(FeedPoller.seenFile(dataDir, url("/broken"))).size());
    }

    private FeedPoller poller(URI feed) {
        return new FeedPoller(feed, FeedPoller.defaultHttpClient(), new SeenItems(FeedPoller.seenFile(dataDir, feed)),
                sink);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedPollerTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }
}
