package dev.troopwatch.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One wire article as published to {@code troopwatch.articles.raw}: the input contract.
 * Fields are kept as the publisher sent them; validation and normalisation happen in the topology.
 *
 * @param id        article id; when absent it is derived from the url, else from a content hash
 * @param url       canonical url of the story, if known
 * @param source    outlet that published it ("The Straits Times (AFP)")
 * @param headline  headline as published
 * @param published ISO-8601 date or date-time of publication
 * @param language  declared language (BCP 47, e.g. "en"), if any
 * @param body      article text, paragraphs separated by blank lines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawArticle(String id, String url, String source, String headline, String published,
                         String language, String body) {
}
