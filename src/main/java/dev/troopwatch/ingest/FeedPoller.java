package dev.troopwatch.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Polls an RSS 2.0 or Atom feed (parsed by ROME) and publishes each item once: item ids already published are kept
 * in the data dir ({@link SeenItems}), so neither the next poll nor a restarted process republishes them.
 * Items go out oldest first, so the pipeline sees them in publication order.
 */
public final class FeedPoller {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final URI feed;
    private final HttpClient http;
    private final SeenItems seen;
    private final ArticleSink sink;

    public FeedPoller(URI feed, HttpClient http, SeenItems seen, ArticleSink sink) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.http = http;
        this.seen = seen;
        this.sink = sink;
    }

    /** Where a feed's seen item ids live under a data dir: one file per feed url. */
    public static Path seenFile(Path dataDir, URI feed) {
        return dataDir.resolve("feeds").resolve(sha256(feed.toString()).substring(0, 16) + ".seen");
    }

    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches the feed once and publishes its new items.
     *
     * @throws IOException when the feed cannot be fetched or parsed; nothing is marked seen then
     */
    public PublishReport pollOnce() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(feed).timeout(HTTP_TIMEOUT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(feed + " answered HTTP " + response.statusCode());
        }
        SyndFeed parsed;
        try {
            parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException(feed + " is not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<SyndEntry> entries = new ArrayList<>(parsed.getEntries());
        entries.sort(Comparator.comparing(FeedPoller::date, Comparator.nullsLast(Comparator.naturalOrder())));

        List<ParsedArticle> fresh = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<ParsedArticle, String> itemIds = new IdentityHashMap<>();
        Set<String> inThisPoll = new HashSet<>();
        for (SyndEntry entry : entries) {
            RawArticle article = toArticle(parsed, entry);
            String itemId = itemId(entry, article);
            if (seen.contains(itemId) || !inThisPoll.add(itemId)) {
                continue;
            }
            String origin = feed + " item " + itemId;
            if (article.body() == null || article.body().isBlank()) {
                rejections.add(new Rejection(origin, "no body (neither content nor description)"));
                // Reported once: the same item would be rejected again at every poll.
                seen.add(itemId);
                continue;
            }
            ParsedArticle item = new ParsedArticle(origin, ArticleKeys.withId(article));
            fresh.add(item);
            itemIds.put(item, itemId);
        }
        return sink.publish(new ReadBatch(fresh, rejections), published -> seen.add(itemIds.get(published)));
    }

    static RawArticle toArticle(SyndFeed feed, SyndEntry entry) {
        Date date = date(entry);
        return new RawArticle(null, blankToNull(entry.getLink()), blankToNull(feed.getTitle()),
                blankToNull(entry.getTitle()), date == null ? null : date.toInstant().toString(),
                blankToNull(feed.getLanguage()), body(entry));
    }

    private static String body(SyndEntry entry) {
        List<String> parts = new ArrayList<>();
        for (SyndContent content : entry.getContents()) {
            parts.add(text(content));
        }
        if (parts.stream().allMatch(String::isBlank) && entry.getDescription() != null) {
            parts = List.of(text(entry.getDescription()));
        }
        String body = String.join("\n\n", parts.stream().filter(p -> !p.isBlank()).toList()).strip();
        return body.isEmpty() ? null : body;
    }

    private static String text(SyndContent content) {
        String value = content.getValue() == null ? "" : content.getValue();
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        // RSS descriptions carry no type and are HTML more often than not; escaped entities show it too.
        boolean html = type.contains("html") || HtmlText.looksLikeHtml(value) || value.contains("&amp;")
                || (type.isEmpty() && value.contains("</"));
        return html ? HtmlText.toText(value) : value.strip();
    }

    private static Date date(SyndEntry entry) {
        return entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    }

    private static String itemId(SyndEntry entry, RawArticle article) {
        String uri = blankToNull(entry.getUri());
        return uri != null ? uri : ArticleKeys.withId(article).id();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
