package dev.troopwatch.extract;

import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.TextSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a NormalisedArticle from a headline and paragraphs for tests: our own sentences, no boilerplate. */
final class SimpleArticles {
    private SimpleArticles() {
    }

    static NormalisedArticle of(String id, String headline, String body, Instant published) {
        StringBuilder text = new StringBuilder(headline.strip());
        List<TextSpan> paragraphs = new ArrayList<>();
        paragraphs.add(new TextSpan(0, text.length()));
        for (String p : body.split("\\n\\s*\\n|\\n")) {
            String para = p.strip().replaceAll("\\s+", " ");
            if (para.isEmpty()) {
                continue;
            }
            text.append("\n\n");
            int start = text.length();
            text.append(para);
            paragraphs.add(new TextSpan(start, text.length()));
        }
        String t = text.toString();
        List<TextSpan> sentences = new ArrayList<>();
        for (TextSpan para : paragraphs) {
            for (TextSpan s : SentenceFallback.split(t.substring(0, para.end()), para.end())) {
                if (s.start() >= para.start()) {
                    sentences.add(s);
                }
            }
        }
        int leadEnd = paragraphs.size() > 1 ? paragraphs.get(1).end() : t.length();
        return new NormalisedArticle(id, null, null, headline, published, "en", t, paragraphs, sentences, leadEnd,
                null, null);
    }
}
