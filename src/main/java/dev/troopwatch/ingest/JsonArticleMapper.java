package dev.troopwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One JSON object to a {@link RawArticle}, accepting our own field names and IPTC ninjs (1.x and 2.x) ones.
 * Our names win when both are present.
 * <ul>
 *   <li>id: {@code id}; else a ninjs {@code uri} that is not a web address (e.g. {@code urn:newsml:...})</li>
 *   <li>url: {@code url}; else an http(s) {@code uri}</li>
 *   <li>headline: {@code headline}, else {@code headlines[0].value} (the one with role "main" if any)</li>
 *   <li>body: {@code body}, {@code body_text}, {@code body_html} (HTML stripped), else {@code bodies[]} preferring
 *       text/plain, HTML stripped when its contenttype says so</li>
 *   <li>published: {@code published}, else {@code versioncreated}, else {@code firstcreated}</li>
 *   <li>source: {@code source}, {@code copyrightholder}, {@code provider} (string or its {@code name}),
 *       {@code infosources[0].name}</li>
 *   <li>language: {@code language}</li>
 * </ul>
 */
public final class JsonArticleMapper {
    private JsonArticleMapper() {
    }

    public static RawArticle fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new UnreadableArticleException("expected a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        String uri = text(node, "uri");
        boolean webUri = uri != null && (uri.startsWith("http://") || uri.startsWith("https://"));
        String id = first(text(node, "id"), webUri ? null : uri);
        String url = first(text(node, "url"), webUri ? uri : null);
        String headline = first(text(node, "headline"), headlines(node.get("headlines")));
        String body = first(text(node, "body"), text(node, "body_text"), html(text(node, "body_html")),
                bodies(node.get("bodies")));
        String published = first(text(node, "published"), text(node, "versioncreated"), text(node, "firstcreated"));
        String source = first(text(node, "source"), text(node, "copyrightholder"), text(node, "provider"),
                text(node.path("provider"), "name"), text(node.path("infosources").path(0), "name"));
        return new RawArticle(id, url, source, headline, published, text(node, "language"), body);
    }

    private static String headlines(JsonNode headlines) {
        if (headlines == null || !headlines.isArray() || headlines.isEmpty()) {
            return null;
        }
        for (JsonNode h : headlines) {
            if ("main".equalsIgnoreCase(text(h, "role"))) {
                return text(h, "value");
            }
        }
        return text(headlines.get(0), "value");
    }

    private static String bodies(JsonNode bodies) {
        if (bodies == null || !bodies.isArray() || bodies.isEmpty()) {
            return null;
        }
        for (JsonNode b : bodies) {
            String type = text(b, "contenttype");
            if (type == null || type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                String value = text(b, "value");
                if (value != null) {
                    return type == null && HtmlText.looksLikeHtml(value) ? HtmlText.toText(value) : value;
                }
            }
        }
        return html(text(bodies.get(0), "value"));
    }

    private static String html(String html) {
        if (html == null) {
            return null;
        }
        String text = HtmlText.toText(html);
        return text.isEmpty() ? null : text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
