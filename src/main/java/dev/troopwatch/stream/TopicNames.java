package dev.troopwatch.stream;

/** Names of the topics troopwatch reads and writes. Their configs and schemas live in {@code topics/}. */
public final class TopicNames {
    /** Input: raw wire articles, key = article id, value = {@link dev.troopwatch.ingest.RawArticle} JSON. */
    public static final String ARTICLES_RAW = "troopwatch.articles.raw";
    /** Internal: validated, normalised articles, key = article id. */
    public static final String ARTICLES_CLEAN = "troopwatch.articles.clean";
    /** Output: typed alerts, key = situation ("KP-RU"). */
    public static final String ALERTS = "troopwatch.alerts";
    /** Output, compacted: latest state of every situation, key = situation. */
    public static final String SITUATIONS = "troopwatch.situations";
    /** Output: records that could not be processed, with the reason and the original bytes. */
    public static final String DEADLETTER = "troopwatch.deadletter";

    private TopicNames() {
    }
}
