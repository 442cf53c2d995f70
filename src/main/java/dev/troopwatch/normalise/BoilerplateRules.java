package dev.troopwatch.normalise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The page-boilerplate rules of {@code normalise/boilerplate.patterns}, compiled once. Literal rules are looked up
 * by hash or by first or last character, and regex rules are indexed by the characters a match can start with, so
 * most paragraphs meet a handful of comparisons. Whole-paragraph regexes run only on short paragraphs and
 * end-of-paragraph regexes only on the last sentence of paragraphs that do not end like a sentence, which keeps
 * the work per article small and free of backtracking blow-ups. Immutable and thread-safe.
 */
final class BoilerplateRules {
    static final String RESOURCE = "normalise/boilerplate.patterns";
    /** Whole-paragraph regexes are tried only up to this length: boilerplate lines are short. */
    static final int REGEX_MAX_CHARS = 240;
    /** Start-of-paragraph regexes look at this many leading characters. */
    static final int STARTS_WINDOW = 200;
    /** End-of-paragraph regexes (photo credits ending a caption) are tried only up to this length. */
    static final int ENDS_MAX_CHARS = 600;
    /** End-of-paragraph regexes look at most at this many trailing characters. */
    static final int ENDS_WINDOW = 120;
    /** {NAME} in a pattern, but not the {L} of a \\p{L} character class. */
    private static final Pattern MACRO = Pattern.compile("(?<!\\\\[pP])\\{([A-Z_]{2,})}");

    /** ASCII case folding is enough after cleaning and several times faster than Unicode folding. */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    /** Outlet tags come before the story: lead rules look only at the first paragraphs. */
    static final int LEAD_PARAGRAPHS = 5;

    enum Action { DROP, CAPTION, LIST, TAIL, TRAIL, LEAD, HEADLINE }

    enum Match { EXACT, PREFIX, SUFFIX, STARTS, REGEX, ENDS }

    record Rule(String category, Action action, Match match, String pattern, Pattern regex, int line) {
    }

    private final Map<String, Rule> exact;
    private final int exactMaxChars;
    private final Map<Character, List<Rule>> prefixes;
    /** Suffix rules by the lower-cased last character of their (normalised) pattern. */
    private final Map<Character, List<Rule>> suffixes;
    /** Start-of-paragraph regex rules by the first character that can begin a match. */
    private final FirstCharIndex starts;
    /** Whole-paragraph regex rules by the first character that can begin a match. */
    private final FirstCharIndex regexes;
    private final List<Rule> ends;
    private final List<Rule> trails;
    private final FirstCharIndex leads;
    private final FirstCharIndex headlineTags;

    private BoilerplateRules(Map<String, Rule> exact, Map<Character, List<Rule>> prefixes,
                             Map<Character, List<Rule>> suffixes, List<Rule> starts,
                             List<Rule> regexes, List<Rule> ends, List<Rule> trails, List<Rule> leads,
                             List<Rule> headlineTags) {
        this.exact = Map.copyOf(exact);
        // a paragraph may carry a few trailing ". : ! |" and spaces more than its exact key
        this.exactMaxChars = exact.keySet().stream().mapToInt(String::length).max().orElse(0) + 8;
        Map<Character, List<Rule>> copy = new HashMap<>();
        prefixes.forEach((c, list) -> copy.put(c, List.copyOf(list)));
        this.prefixes = Map.copyOf(copy);
        Map<Character, List<Rule>> suffixCopy = new HashMap<>();
        suffixes.forEach((c, list) -> suffixCopy.put(c, List.copyOf(list)));
        this.suffixes = Map.copyOf(suffixCopy);
        this.starts = new FirstCharIndex(starts);
        this.regexes = new FirstCharIndex(regexes);
        this.ends = List.copyOf(ends);
        this.trails = List.copyOf(trails);
        this.leads = new FirstCharIndex(leads);
        this.headlineTags = new FirstCharIndex(headlineTags);
    }

    static BoilerplateRules load(Agencies agencies) {
        return load(agencies, RESOURCE);
    }

    static BoilerplateRules load(Agencies agencies, String resource) {
        String agencyAlternation = agencies.regexAlternation();
        Map<String, Rule> exact = new HashMap<>();
        Map<Character, List<Rule>> prefixes = new HashMap<>();
        Map<Character, List<Rule>> suffixes = new HashMap<>();
        List<Rule> starts = new ArrayList<>();
        List<Rule> regexes = new ArrayList<>();
        List<Rule> ends = new ArrayList<>();
        List<Rule> trails = new ArrayList<>();
        List<Rule> leads = new ArrayList<>();
        List<Rule> headlineTags = new ArrayList<>();
        for (RuleFile.Line line : RuleFile.read(resource)) {
            String[] parts = line.text().split(" +", 4);
            if (parts.length != 4) {
                throw line.error("expected CATEGORY ACTION MATCH PATTERN");
            }
            Action action = parse(Action.class, parts[1], line);
            Match match = parse(Match.class, parts[2], line);
            String pattern = parts[3];
            Pattern regex = null;
            if (match == Match.REGEX || match == Match.ENDS || match == Match.STARTS) {
                regex = compile(pattern, match, agencyAlternation, line);
            } else if (pattern.contains("{AGENCY}") && match != Match.EXACT) {
                throw line.error("{AGENCY} works in exact and regex patterns, not in " + parts[2]);
            }
            Rule rule = new Rule(parts[0], action, match, pattern, regex, line.number());
            if (action == Action.TRAIL) {
                if (match != Match.ENDS) {
                    throw line.error("trail rules need MATCH ends");
                }
                trails.add(rule);
                continue;
            }
            if (action == Action.LEAD || action == Action.HEADLINE) {
                if (match != Match.STARTS) {
                    throw line.error(parts[1] + " rules need MATCH starts");
                }
                (action == Action.LEAD ? leads : headlineTags).add(rule);
                continue;
            }
            switch (match) {
                case EXACT -> {
                    List<String> expanded = pattern.contains("{AGENCY}")
                            ? agencies.names().stream().map(a -> pattern.replace("{AGENCY}", a)).toList()
                            : List.of(pattern);
                    for (String literal : expanded) {
                        if (exact.put(exactKey(literal), rule) != null) {
                            throw line.error("duplicate exact pattern '" + literal + "'");
                        }
                    }
                }
                case PREFIX -> prefixes.computeIfAbsent(Character.toLowerCase(pattern.charAt(0)),
                        c -> new ArrayList<>()).add(rule);
                case SUFFIX -> {
                    String key = exactKey(pattern);
                    if (key.isEmpty()) {
                        throw line.error("empty suffix");
                    }
                    suffixes.computeIfAbsent(key.charAt(key.length() - 1), c -> new ArrayList<>())
                            .add(new Rule(parts[0], action, match, key, null, line.number()));
                }
                case STARTS -> starts.add(rule);
                case REGEX -> regexes.add(rule);
                case ENDS -> ends.add(rule);
                default -> throw line.error("unknown match");
            }
        }
        return new BoilerplateRules(exact, prefixes, suffixes, starts, regexes, ends, trails, leads, headlineTags);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String token, RuleFile.Line line) {
        try {
            return Enum.valueOf(type, token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw line.error("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + token + "'");
        }
    }

    private static Pattern compile(String pattern, Match match, String agencyAlternation, RuleFile.Line line) {
        Matcher macro = MACRO.matcher(pattern);
        while (macro.find()) {
            if (!macro.group(1).equals("AGENCY")) {
                throw line.error("unknown macro {" + macro.group(1) + "}");
            }
        }
        String expanded = pattern.replace("{AGENCY}", agencyAlternation);
        String anchored = match == Match.ENDS ? "(?:" + expanded + ")\\z" : expanded;
        try {
            return Pattern.compile(anchored, FLAGS);
        } catch (PatternSyntaxException e) {
            throw line.error("bad regex: " + e.getDescription());
        }
    }

    /** Lower case without trailing ". : ! |" and spaces: how exact patterns and paragraphs are compared. */
    static String exactKey(String text) {
        int end = text.length();
        while (end > 0 && " .:!|".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The first rule that classifies the whole paragraph as boilerplate (exact, prefix, suffix, starts, regex, ends). */
    Rule classify(String paragraph) {
        int length = paragraph.length();
        if (length == 0) {
            return null;
        }
        if (length <= exactMaxChars) {
            Rule rule = exact.get(exactKey(paragraph));
            if (rule != null) {
                return rule;
            }
        }
        List<Rule> candidates = prefixes.get(Character.toLowerCase(paragraph.charAt(0)));
        if (candidates != null) {
            for (Rule rule : candidates) {
                if (paragraph.regionMatches(true, 0, rule.pattern, 0, rule.pattern.length())) {
                    return rule;
                }
            }
        }
        int keyEnd = length;
        while (keyEnd > 0 && " .:!|".indexOf(paragraph.charAt(keyEnd - 1)) >= 0) {
            keyEnd--;
        }
        List<Rule> suffixCandidates = keyEnd == 0 ? null
                : suffixes.get(Character.toLowerCase(paragraph.charAt(keyEnd - 1)));
        if (suffixCandidates != null) {
            for (Rule rule : suffixCandidates) {
                int from = keyEnd - rule.pattern.length();
                if (from >= 0 && paragraph.regionMatches(true, from, rule.pattern, 0, rule.pattern.length())) {
                    return rule;
                }
            }
        }
        char first = paragraph.charAt(0);
        for (Rule rule : starts.candidates(first)) {
            Matcher m = rule.regex.matcher(paragraph);
            m.region(0, Math.min(length, STARTS_WINDOW));
            if (m.lookingAt()) {
                return rule;
            }
        }
        if (length <= REGEX_MAX_CHARS) {
            for (Rule rule : regexes.candidates(first)) {
                if (rule.regex.matcher(paragraph).matches()) {
                    return rule;
                }
            }
        }
        if (length <= ENDS_MAX_CHARS && !endsLikeSentence(paragraph)) {
            int from = endWindowStart(paragraph);
            for (Rule rule : ends) {
                if (endMatcher(rule, paragraph, from).find()) {
                    return rule;
                }
            }
        }
        return null;
    }

    /**
     * Regex rules grouped by the ASCII characters a match can start with, found by asking each compiled pattern
     * whether a one-character input already fails without reading further ({@link Matcher#hitEnd()}). Most
     * paragraphs then meet only the one or two rules that could match them. Non-ASCII first characters meet all.
     */
    private static final class FirstCharIndex {
        private final List<List<Rule>> byChar = new ArrayList<>(128);
        private final List<Rule> all;

        FirstCharIndex(List<Rule> rules) {
            this.all = List.copyOf(rules);
            for (int c = 0; c < 128; c++) {
                List<Rule> possible = new ArrayList<>();
                for (Rule rule : rules) {
                    Matcher m = rule.regex.matcher(String.valueOf((char) c));
                    if (m.lookingAt() || m.hitEnd()) {
                        possible.add(rule);
                    }
                }
                byChar.add(List.copyOf(possible));
            }
        }

        List<Rule> candidates(char first) {
            return first < 128 ? byChar.get(first) : all;
        }
    }

    /** Strips trailing boilerplate fused onto a paragraph ("... AFP See more on"), repeatedly; may return "". */
    String stripTrail(String paragraph) {
        String text = paragraph;
        boolean changed = true;
        for (int round = 0; changed && round < 4 && !text.isEmpty(); round++) {
            changed = false;
            int from = endWindowStart(text);
            for (Rule rule : trails) {
                Matcher m = endMatcher(rule, text, from);
                if (m.find() && m.start() < text.length()) {
                    text = text.substring(0, m.start()).stripTrailing();
                    changed = true;
                }
            }
        }
        return text;
    }

    /** Strips leading outlet tags ("(MENAFN- ...)") from a paragraph. */
    String stripLead(String paragraph) {
        return stripStart(paragraph, leads);
    }

    /** Strips wire tags from the start of a headline ("(LEAD)", "UPDATE 2-"). */
    String stripHeadlineTags(String headline) {
        return stripStart(headline, headlineTags);
    }

    private static String stripStart(String paragraph, FirstCharIndex rules) {
        String text = paragraph;
        boolean stripped = true;
        for (int round = 0; stripped && round < 3 && !text.isEmpty(); round++) {
            stripped = false;
            for (Rule rule : rules.candidates(text.charAt(0))) {
                Matcher m = rule.regex.matcher(text);
                m.region(0, Math.min(text.length(), STARTS_WINDOW));
                if (m.lookingAt() && m.end() > 0) {
                    text = text.substring(m.end()).stripLeading();
                    stripped = true;
                    break;
                }
            }
        }
        return text;
    }

    /**
     * Where end rules start looking: the paragraph's last sentence (after the last ". ", "? ", "! ", at most
     * {@value #ENDS_WINDOW} characters): credits and sign-offs follow the last full stop, and a short window keeps
     * the search cheap.
     */
    private static int endWindowStart(String text) {
        int length = text.length();
        int floor = Math.max(0, length - ENDS_WINDOW);
        for (int k = length - 2; k > floor; k--) {
            if (text.charAt(k) == ' ' && isTerminalBefore(text, k)) {
                return k;
            }
        }
        return floor;
    }

    /** Transparent bounds let a rule look behind the window start ("(?<=[.!?]) - AFP"). */
    private static Matcher endMatcher(Rule rule, String text, int from) {
        Matcher m = rule.regex.matcher(text);
        m.useTransparentBounds(true);
        m.region(from, text.length());
        return m;
    }

    /** The space at {@code k} follows . ! ? (possibly with a closing quote or bracket in between). */
    private static boolean isTerminalBefore(String text, int k) {
        int j = k - 1;
        if (j > 0 && (text.charAt(j) == '"' || text.charAt(j) == '\'' || text.charAt(j) == ')')) {
            j--;
        }
        char c = text.charAt(j);
        return c == '.' || c == '!' || c == '?';
    }

    /** A final . ! ? or closing quote: ordinary prose, which no end-of-paragraph credit rule needs to look at. */
    static boolean endsLikeSentence(String paragraph) {
        char last = paragraph.charAt(paragraph.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '"' || last == '\'';
    }
}
