package dev.troopwatch.normalise;

import dev.troopwatch.ingest.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a validated {@link RawArticle} into a {@link NormalisedArticle}: cleans characters ({@link TextCleaner}),
 * splits paragraphs, removes page boilerplate ({@link BoilerplateRules}), repeated paragraphs and a headline repeated
 * as the first body line, re-joins paragraphs that a page layout broke mid-sentence, reads the dateline and the
 * originating agency, splits sentences ({@link SentenceSplitter}) and marks where the lead ends.
 *
 * <p>The dateline stays in the text (only its place and agency are recorded), so every offset the extractor reports
 * points at text a reader can find in the story. Never throws on any text: null fields become empty strings, and
 * the work per article is bounded by {@code maxChars} and {@code maxParagraphs}. Immutable and thread-safe.
 */
public final class ArticleNormaliser {
    public static final int DEFAULT_MAX_CHARS = 1 << 20;
    public static final int DEFAULT_MAX_PARAGRAPHS = 2_000;
    static final int MAX_HEADLINE_CHARS = 1_000;
    /** A paragraph of at least this many words can carry the lead; shorter ones are kickers, subheads, datelines. */
    static final int LEAD_MIN_WORDS = 8;
    /** A lead paragraph without final punctuation must be at least this long to count as (truncated) prose. */
    static final int LEAD_PROSE_WORDS = 25;
    /** A paragraph dropped as the caption before a photo credit is at most this long; longer ones are story. */
    static final int CAPTION_MAX_WORDS = 80;
    /** List items after "Read also:" are title-like: no final punctuation and at most this many words. */
    static final int LIST_ITEM_MAX_WORDS = 25;
    /** Paragraph hashes for duplicate detection read this many characters. */
    static final int HASHED_CHARS = 160;
    /** Dateline and agency are looked for in this many leading paragraphs. */
    static final int DATELINE_PARAGRAPHS = 3;

    private final TextCleaner cleaner;
    private final BoilerplateRules boilerplate;
    private final SentenceSplitter sentences;
    private final Agencies agencies;
    private final int maxChars;
    private final int maxParagraphs;

    ArticleNormaliser(TextCleaner cleaner, BoilerplateRules boilerplate, SentenceSplitter sentences,
                      Agencies agencies, int maxChars, int maxParagraphs) {
        this.cleaner = cleaner;
        this.boilerplate = boilerplate;
        this.sentences = sentences;
        this.agencies = agencies;
        this.maxChars = maxChars;
        this.maxParagraphs = maxParagraphs;
    }

    /** The normaliser with the rule files under {@code src/main/resources/normalise/}. */
    public static ArticleNormaliser withDefaultRules() {
        return withLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_PARAGRAPHS);
    }

    public static ArticleNormaliser withLimits(int maxChars, int maxParagraphs) {
        if (maxChars < 1 || maxParagraphs < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Agencies agencies = Agencies.load();
        return new ArticleNormaliser(TextCleaner.load(), BoilerplateRules.load(agencies), SentenceSplitter.load(),
                agencies, maxChars, maxParagraphs);
    }

    /**
     * Normalises {@code raw}; {@code published} is the instant the caller settled on (the article's own date, or
     * the record timestamp when it had none). A blank id becomes the id {@link ArticleIds} derives.
     */
    public NormalisedArticle normalise(RawArticle raw, Instant published) {
        Objects.requireNonNull(raw, "raw article");
        String headline = boilerplate.stripHeadlineTags(oneLine(cleaner.clean(raw.headline(), MAX_HEADLINE_CHARS)));
        List<String> paragraphs = splitParagraphs(cleaner.clean(raw.body(), maxChars));
        Body body = removeBoilerplate(paragraphs, headline);
        List<String> kept = body.paragraphs;
        Dateline dateline = body.dateline;
        // the wire that originated the story: dateline, then outlet name, then sign-off, then "told AFP" in the lead
        String agency = dateline == null ? null : dateline.agency();
        if (agency == null) {
            agency = agencyFromSource(raw.source());
        }
        if (agency == null) {
            agency = body.signoffAgency;
        }
        if (agency == null) {
            agency = agencyToldInLead(kept);
        }

        StringBuilder text = new StringBuilder(headline.length() + 2 + kept.stream().mapToInt(p -> p.length() + 2).sum());
        List<TextSpan> paragraphSpans = new ArrayList<>(kept.size() + 1);
        List<TextSpan> sentenceSpans = new ArrayList<>();
        text.append(headline);
        paragraphSpans.add(new TextSpan(0, headline.length()));
        for (String paragraph : kept) {
            text.append("\n\n");
            int start = text.length();
            text.append(paragraph);
            paragraphSpans.add(new TextSpan(start, text.length()));
        }
        String full = text.toString();
        for (int i = 0; i < paragraphSpans.size(); i++) {
            TextSpan span = paragraphSpans.get(i);
            // paragraphs before the dateline were dropped, so the dateline opens the first body paragraph
            int noBreakBefore = i == 1 && dateline != null ? span.start() + dateline.end() : span.start();
            sentences.split(full, span.start(), span.end(), noBreakBefore, sentenceSpans);
        }
        int leadEnd = leadEnd(full, paragraphSpans);

        String id = raw.id() == null || raw.id().isBlank()
                ? ArticleIds.derive(raw.url(), raw.headline(), raw.body()) : raw.id();
        // only articles accepted as English are normalised (see ArticleValidator), whatever tag they came with
        return new NormalisedArticle(id, raw.url(), raw.source(), headline, published, "en", full,
                paragraphSpans, sentenceSpans, leadEnd, dateline == null ? null : dateline.place(), agency);
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 ? text : text.replaceAll("\\s*\n\\s*", " ").strip();
    }

    /**
     * Paragraphs are blocks separated by blank lines. Inside a block, single newlines are either hard wraps of one
     * paragraph (most wrapped lines lack final punctuation and the next line continues in lower case) or, as in
     * pages scraped without blank lines, one paragraph per line; each block is judged on its own.
     */
    List<String> splitParagraphs(String body) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        int start = 0;
        int n = body.length();
        while (start <= n && out.size() < maxParagraphs) {
            int nl = body.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (end > start) {
                block.add(body.substring(start, end));
            } else if (!block.isEmpty()) {
                flushBlock(block, out);
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        flushBlock(block, out);
        return out.size() > maxParagraphs ? new ArrayList<>(out.subList(0, maxParagraphs)) : out;
    }

    private static void flushBlock(List<String> block, List<String> out) {
        if (block.isEmpty()) {
            return;
        }
        if (block.size() > 1 && isHardWrapped(block)) {
            out.add(String.join(" ", block));
        } else {
            out.addAll(block);
        }
        block.clear();
    }

    private static boolean isHardWrapped(List<String> block) {
        int open = 0;
        int continuedLower = 0;
        for (int i = 0; i < block.size() - 1; i++) {
            String line = block.get(i);
            if (!endsSentence(line)) {
                open++;
                if (Character.isLowerCase(block.get(i + 1).charAt(0))) {
                    continuedLower++;
                }
            }
        }
        int breaks = block.size() - 1;
        return open * 2 > breaks && continuedLower * 2 >= open;
    }

    /** The result of boilerplate removal: kept paragraphs, the dateline, and an agency named by a removed sign-off. */
    private record Body(List<String> paragraphs, Dateline dateline, String signoffAgency) {
    }

    private Body removeBoilerplate(List<String> paragraphs, String headline) {
        int n = paragraphs.size();
        String[] text = new String[n];
        boolean[] keep = new boolean[n];
        long[] hashes = new long[n];
        String signoffAgency = null;
        long headlineHash = contentHash(headline);
        boolean headlineEmpty = headline.isEmpty();
        boolean storyBegun = false;
        int headlineRepeat = -1;
        for (int i = 0; i < n; i++) {
            String p = paragraphs.get(i);
            text[i] = i < BoilerplateRules.LEAD_PARAGRAPHS ? boilerplate.stripLead(p) : p;
        }
        // text fused onto the end of the story ("... AFP See more on") is stripped from the last paragraph that is
        // not boilerplate itself, before classification, so a closing "- AFP" is not mistaken for a photo credit
        for (int i = n - 1; i >= 0; i--) {
            String stripped = boilerplate.stripTrail(text[i]);
            if (!stripped.equals(text[i]) && !stripped.isEmpty() && boilerplate.classify(stripped) == null) {
                signoffAgency = firstAgency(text[i].substring(stripped.length()));
                text[i] = stripped;
                break;
            }
            if (!text[i].isEmpty() && boilerplate.classify(text[i]) == null) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            String p = text[i];
            if (p.isEmpty()) {
                continue;
            }
            BoilerplateRules.Rule rule = boilerplate.classify(p);
            if (rule == null) {
                hashes[i] = contentHash(p);
                if (!headlineEmpty && hashes[i] == headlineHash && sameContent(p, headline)) {
                    headlineRepeat = headlineRepeat < 0 ? i : headlineRepeat;
                    continue;
                }
                keep[i] = true;
                storyBegun = storyBegun || hasWords(p, 0, p.length(), LEAD_MIN_WORDS);
                continue;
            }
            if ("signoff".equals(rule.category()) && signoffAgency == null) {
                signoffAgency = agencies.canonical(p.replaceAll("[().]", ""));
            }
            switch (rule.action()) {
                case CAPTION -> {
                    // a credit after the dateline paragraph belongs to a picture below the lead, not to the lead
                    if (i > 0 && keep[i - 1] && !hasWords(text[i - 1], 0, text[i - 1].length(), CAPTION_MAX_WORDS + 1)
                            && Dateline.parse(text[i - 1], agencies) == null) {
                        keep[i - 1] = false;
                    }
                }
                case LIST -> {
                    while (i + 1 < n && isListItem(paragraphs.get(i + 1))) {
                        i++;
                        text[i] = paragraphs.get(i);
                    }
                }
                case TAIL -> {
                    if (storyBegun) {
                        i = n;
                    }
                }
                default -> {
                    // DROP: the paragraph alone goes
                }
            }
        }
        int[] order = storyOrder(text, keep, headlineRepeat);
        // a dateline marks where the story starts: what comes before it is page furniture (captions, kickers)
        Dateline dateline = null;
        int checked = 0;
        for (int k = 0; k < order.length && checked < DATELINE_PARAGRAPHS && dateline == null; k++) {
            if (keep[order[k]]) {
                checked++;
                dateline = Dateline.parse(text[order[k]], agencies);
                for (int before = 0; dateline != null && before < k; before++) {
                    keep[order[before]] = false;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        Map<Long, String> seen = new HashMap<>();
        for (int i : order) {
            // a repeated paragraph keeps its first kept copy; a copy that served as a caption was dropped above
            if (keep[i]) {
                String earlier = seen.putIfAbsent(hashes[i], text[i]);
                if (earlier == null || !sameContent(earlier, text[i])) {
                    kept.add(text[i]);
                }
            }
        }
        return new Body(joinBrokenParagraphs(kept), dateline, signoffAgency);
    }

    /**
     * The order to read paragraphs in. Some pages put the end of a story before its headline; when the headline is
     * repeated after kept paragraphs and at least two news paragraphs follow it, the story starts after the repeat
     * and the paragraphs before it go to the end, so the lead is the story's real first paragraph.
     */
    private static int[] storyOrder(String[] text, boolean[] keep, int headlineRepeat) {
        int n = text.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (headlineRepeat <= 0) {
            return order;
        }
        boolean keptBefore = false;
        for (int i = 0; i < headlineRepeat && !keptBefore; i++) {
            keptBefore = keep[i];
        }
        int newsAfter = 0;
        for (int i = headlineRepeat + 1; i < n && newsAfter < 2; i++) {
            if (keep[i] && hasWords(text[i], 0, text[i].length(), LEAD_MIN_WORDS)) {
                newsAfter++;
            }
        }
        if (!keptBefore || newsAfter < 2) {
            return order;
        }
        int k = 0;
        for (int i = headlineRepeat + 1; i < n; i++) {
            order[k++] = i;
        }
        for (int i = 0; i <= headlineRepeat; i++) {
            order[k++] = i;
        }
        return order;
    }

    private static boolean isListItem(String paragraph) {
        return !paragraph.isEmpty() && !endsSentence(paragraph)
                && !hasWords(paragraph, 0, paragraph.length(), LIST_ITEM_MAX_WORDS + 1);
    }

    /** Re-joins a paragraph broken mid-sentence by page layout: no final punctuation, next starts in lower case. */
    private static List<String> joinBrokenParagraphs(List<String> paragraphs) {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            int last = out.size() - 1;
            if (last >= 0 && Character.isLowerCase(p.charAt(0)) && isOpenEnded(out.get(last))) {
                out.set(last, out.get(last) + " " + p);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isOpenEnded(String paragraph) {
        char c = paragraph.charAt(paragraph.length() - 1);
        return Character.isLetterOrDigit(c) || c == ',';
    }

    private String agencyFromSource(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String inBrackets = null;
        List<Agencies.Match> found = agencies.findAll(source);
        for (Agencies.Match match : found) {
            int open = source.lastIndexOf('(', match.start());
            int close = source.lastIndexOf(')', match.start());
            if (open > close) {
                inBrackets = match.agency();
            }
        }
        if (inBrackets != null) {
            return inBrackets;
        }
        return found.isEmpty() ? null : found.get(0).agency();
    }

    private String firstAgency(String text) {
        List<Agencies.Match> found = agencies.findAll(text);
        return found.isEmpty() ? null : found.get(0).agency();
    }

    /** "... told AFP on Feb 27" or "(Yonhap)" in the first news paragraphs: the wire the story came from. */
    private String agencyToldInLead(List<String> paragraphs) {
        for (int i = 0; i < Math.min(DATELINE_PARAGRAPHS, paragraphs.size()); i++) {
            String p = paragraphs.get(i);
            for (int at = p.indexOf("told "); at >= 0; at = p.indexOf("told ", at + 5)) {
                Agencies.Match match = agencies.matchAt(p, at + 5);
                if (match != null) {
                    return match.agency();
                }
            }
            for (int at = p.indexOf('('); at >= 0; at = p.indexOf('(', at + 1)) {
                Agencies.Match match = agencies.matchAt(p, at + 1);
                if (match != null && match.end() < p.length() && p.charAt(match.end()) == ')') {
                    return match.agency();
                }
            }
        }
        return null;
    }

    /**
     * End of the first body paragraph that carries news: at least {@value #LEAD_MIN_WORDS} words and written as
     * prose (final punctuation, or long enough that a missing full stop is truncation); a title-like line such as a
     * live-blog entry heading or standfirst without a full stop is passed over. Falls back to the first paragraph of
     * {@value #LEAD_MIN_WORDS} words, then to the first body paragraph, then to the headline.
     */
    private static int leadEnd(String text, List<TextSpan> paragraphs) {
        int firstLong = -1;
        for (int i = 1; i < paragraphs.size(); i++) {
            TextSpan span = paragraphs.get(i);
            if (hasWords(text, span.start(), span.end(), LEAD_MIN_WORDS)) {
                if (endsSentence(text.substring(span.start(), span.end()))
                        || hasWords(text, span.start(), span.end(), LEAD_PROSE_WORDS)) {
                    return span.end();
                }
                if (firstLong < 0) {
                    firstLong = span.end();
                }
            }
        }
        if (firstLong >= 0) {
            return firstLong;
        }
        return paragraphs.size() > 1 ? paragraphs.get(1).end() : paragraphs.get(0).end();
    }

    static boolean endsSentence(String line) {
        int k = line.length() - 1;
        while (k >= 0 && (line.charAt(k) == '"' || line.charAt(k) == '\'' || line.charAt(k) == ')')) {
            k--;
        }
        if (k < 0) {
            return false;
        }
        char c = line.charAt(k);
        return c == '.' || c == '!' || c == '?' || c == ':';
    }

    /** Whether {@code text[start, end)} has at least {@code min} words; stops counting once it has. */
    static boolean hasWords(CharSequence text, int start, int end, int min) {
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && !inWord && ++words >= min) {
                return true;
            }
            inWord = wordChar;
        }
        return false;
    }

    /**
     * Hash of the first {@value #HASHED_CHARS} characters' letters and digits, lower-cased: equal for paragraphs that
     * differ only in spacing or punctuation. Only a pre-check; equal hashes are confirmed with {@link #compareKey}.
     */
    static long contentHash(CharSequence text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0, n = Math.min(text.length(), HASHED_CHARS); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                    : Character.isLetterOrDigit(c)) {
                hash = (hash ^ Character.toLowerCase(c)) * 0x100000001b3L;
            }
        }
        return hash;
    }

    private static boolean sameContent(String a, String b) {
        return compareKey(a).equals(compareKey(b));
    }

    /** Letters and digits only, lower case: two paragraphs with this key are the same paragraph. */
    static String compareKey(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }
}
