package dev.troopwatch.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for an article id when the publisher sent none, shared by the producer and the validator so both
 * sides agree: "u-" + hash of the normalised url when there is an http(s) url, else "h-" + hash of headline and body.
 * The same story under "HTTPS://WWW.Example.com/a/?utm_source=x#top" and "https://example.com/a" gets the same id.
 */
public final class ArticleIds {
    private static final int HASH_HEX_CHARS = 20;

    private ArticleIds() {
    }

    public static String derive(String url, String headline, String body) {
        String normalisedUrl = normaliseUrl(url);
        if (normalisedUrl != null) {
            return "u-" + hash(normalisedUrl);
        }
        return "h-" + hash((headline == null ? "" : headline.strip()) + "\n" + (body == null ? "" : body.strip()));
    }

    /**
     * Lower-case scheme and host without "www.", default port, fragment, tracking parameters (utm_*, fbclid,
     * gclid) and trailing slash dropped; null when {@code url} is not an absolute http(s) url.
     */
    public static String normaliseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme)) || host == null || host.isEmpty()) {
            return null;
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!param.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
                    params.add(param);
                }
            }
        }
        // http and https name the same story; the port only matters when it is not the default one
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        return host + (defaultPort ? "" : ":" + port) + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
