package dev.troopwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All extraction lexicons, loaded once from {@code /extract/*.txt} into one token trie. Immutable after
 * construction and safe to share between threads.
 */
final class Lexicon {
    static final String DIR = "/extract/";
    private static final Set<String> CODES_EXTRA = Set.of("NATO", "UN", "EU", "ZZ", "media");

    private final PhraseTrie trie = new PhraseTrie();
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> capitals = new HashMap<>();

    private Lexicon() {
    }

    static Lexicon load() {
        Lexicon lex = new Lexicon();
        lex.loadCountries();
        lex.loadInstitutions();
        for (LexiconRow row : LexiconReader.readResource(DIR + "people.txt", 2, 2)) {
            lex.add(row, row.field(0), new LexEntry(LexKind.PERSON, lex.code(row, row.field(1)), "", 0, true, 0));
        }
        for (LexiconRow row : LexiconReader.readResource(DIR + "places.txt", 2, 3)) {
            String theatre = row.field(2).isEmpty() ? row.field(0) : row.field(2);
            lex.add(row, row.field(0), new LexEntry(LexKind.PLACE, lex.code(row, row.field(1)), theatre, 0,
                    Character.isUpperCase(row.field(0).charAt(0)), 0));
        }
        for (LexiconRow row : LexiconReader.readResource(DIR + "troop_nouns.txt", 2, 2)) {
            LexKind kind = switch (row.field(1)) {
                case "TROOP" -> LexKind.TROOP;
                case "CIVILIAN" -> LexKind.CIVILIAN;
                default -> throw row.error("KIND must be TROOP or CIVILIAN: " + row.field(1));
            };
            lex.add(row, row.field(0), new LexEntry(kind, "", "", 0, startsUpper(row.field(0)), 0));
        }
        for (LexiconRow row : LexiconReader.readResource(DIR + "status_triggers.txt", 2, 3)) {
            String status = row.field(0).equals("NONE") ? "NONE" : parseStatus(row, row.field(0)).name();
            String flag = row.field(2);
            if (!flag.isEmpty() && !flag.equals("STANDALONE") && !flag.equals("STATE")) {
                throw row.error("third field must be STANDALONE, STATE or empty: " + flag);
            }
            lex.add(row, row.field(1), new LexEntry(LexKind.TRIGGER, status, flag, 0, false, 0));
        }
        lex.loadPhrases("negation.txt", LexKind.NEGATION);
        lex.loadPhrases("hypothetical.txt", LexKind.HYPOTHETICAL);
        lex.loadPhrases("denial.txt", LexKind.DENIAL);
        lex.loadPhrases("hedges.txt", LexKind.HEDGE);
        lex.loadPhrases("reinforcement.txt", LexKind.REINFORCEMENT);
        lex.loadPhrases("media.txt", LexKind.MEDIA);
        lex.loadPhrases("speaker_nouns.txt", LexKind.SPEAKER);
        lex.loadPhrases("front_cues.txt", LexKind.FRONT);
        for (LexiconRow row : LexiconReader.readResource(DIR + "planning.txt", 1, 2)) {
            String kind = row.field(1).isEmpty() ? "PLAN" : row.field(1);
            if (!kind.equals("PLAN") && !kind.equals("ORDER")) {
                throw row.error("KIND must be PLAN or ORDER: " + kind);
            }
            lex.add(row, row.field(0), new LexEntry(LexKind.PLANNING, kind, "", 0, false, 0));
        }
        lex.loadCoded("attribution.txt", LexKind.ATTRIBUTION, Set.of("BEFORE", "AFTER"));
        lex.loadCoded("exclusions.txt", LexKind.EXCLUSION, Set.of("SENTENCE", "HEADLINE"));
        lex.loadCoded("approximators.txt", LexKind.APPROXIMATOR, Set.of("EXACT", "MIN", "MAX"));
        for (LexiconRow row : LexiconReader.readResource(DIR + "number_words.txt", 3, 3)) {
            String kind = row.field(2);
            if (!Set.of("UNIT", "MULT", "VAGUE").contains(kind)) {
                throw row.error("KIND must be UNIT, MULT or VAGUE: " + kind);
            }
            lex.add(row, row.field(0), new LexEntry(LexKind.NUMBER, kind, "", parseLong(row, row.field(1)), false, 0));
        }
        for (LexiconRow row : LexiconReader.readResource(DIR + "time_words.txt", 3, 3)) {
            String kind = row.field(2);
            long value;
            switch (kind) {
                case "MONTH", "WEEKDAY" -> value = parseLong(row, row.field(1));
                case "RELATIVE" -> value = 0;
                default -> throw row.error("KIND must be MONTH, WEEKDAY or RELATIVE: " + kind);
            }
            lex.add(row, row.field(0), new LexEntry(LexKind.TIME, kind, row.field(1), value, false, 0));
        }
        return lex;
    }

    private void loadCountries() {
        for (LexiconRow row : LexiconReader.readResource(DIR + "countries.txt", 3, 4)) {
            String code = row.field(0);
            if (!code.matches("[A-Z]{2}")) {
                throw row.error("country code must be two capital letters: " + code);
            }
            String[] names = row.field(1).split(";");
            if (names[0].isBlank()) {
                throw row.error("a country needs a name");
            }
            countryNames.put(code, names[0].strip());
            for (String name : names) {
                addProper(row, name, LexKind.COUNTRY, code);
            }
            for (String demonym : row.field(2).split(";")) {
                if (demonym.isBlank()) {
                    continue;
                }
                addProper(row, demonym, LexKind.DEMONYM, code);
                String d = demonym.strip();
                if (!d.endsWith("s") && !d.endsWith("sh") && !d.endsWith("ch") && !d.endsWith("ese")
                        && !d.endsWith(".") && Character.isLowerCase(d.charAt(d.length() - 1))) {
                    addProper(row, d + "s", LexKind.DEMONYM, code);
                }
            }
            for (String capital : row.field(3).split(";")) {
                if (!capital.isBlank()) {
                    addProper(row, capital, LexKind.CAPITAL, code);
                    capitals.put(Tokens.fold(capital.strip(), 0, capital.strip().length()), code);
                }
            }
        }
    }

    private void loadInstitutions() {
        for (LexiconRow row : LexiconReader.readResource(DIR + "institutions.txt", 3, 3)) {
            LexKind kind = switch (row.field(2)) {
                case "agency" -> LexKind.AGENCY;
                case "force" -> LexKind.FORCE;
                case "bloc" -> LexKind.BLOC;
                case "media" -> LexKind.OUTLET;
                default -> throw row.error("KIND must be agency, force, bloc or media: " + row.field(2));
            };
            add(row, row.field(0), new LexEntry(kind, code(row, row.field(1)), "", 0,
                    Character.isUpperCase(row.field(0).charAt(0)), 0));
        }
    }

    private void addProper(LexiconRow row, String phrase, LexKind kind, String code) {
        add(row, phrase, new LexEntry(kind, code, "", 0, true, 0));
    }

    private void loadPhrases(String file, LexKind kind) {
        for (LexiconRow row : LexiconReader.readResource(DIR + file, 1, 1)) {
            add(row, row.field(0), new LexEntry(kind, "", "", 0, startsUpper(row.field(0)), 0));
        }
    }

    private static boolean startsUpper(String phrase) {
        return Character.isUpperCase(phrase.charAt(0));
    }

    private void loadCoded(String file, LexKind kind, Set<String> allowed) {
        for (LexiconRow row : LexiconReader.readResource(DIR + file, 2, 2)) {
            if (!allowed.contains(row.field(1))) {
                throw row.error("second field must be one of " + allowed + ": " + row.field(1));
            }
            add(row, row.field(0), new LexEntry(kind, row.field(1), "", 0, startsUpper(row.field(0)), 0));
        }
    }

    private String code(LexiconRow row, String code) {
        if (!code.matches("[A-Z]{2}") && !CODES_EXTRA.contains(code)) {
            throw row.error("not an ISO alpha-2 code, NATO, UN, EU, ZZ or media: " + code);
        }
        return code;
    }

    private static Status parseStatus(LexiconRow row, String name) {
        try {
            return Status.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw row.error("unknown status " + name);
        }
    }

    private static long parseLong(LexiconRow row, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw row.error("not a number: " + s);
        }
    }

    private void add(LexiconRow row, String phrase, LexEntry template) {
        Tokens t = Tokens.of(phrase.strip());
        if (t.size() == 0) {
            throw row.error("empty phrase");
        }
        List<String> forms = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            forms.add(t.form(i));
        }
        trie.add(forms, new LexEntry(template.kind(), template.code(), template.detail(), template.value(),
                template.proper(), t.size()));
    }

    /** The country whose capital a dateline names ("SEOUL", "New Delhi"), or null. */
    String capitalCountry(String dateline) {
        String d = dateline.strip();
        return capitals.get(Tokens.fold(d, 0, d.length()));
    }

    int countryCount() {
        return countryNames.size();
    }

    /** English name of a country code, for messages. */
    String countryName(String code) {
        return countryNames.getOrDefault(code, code);
    }

    /**
     * All hits in tokens [from, to). Proper names must be capitalised in the text. Lower-case words do not match
     * a capitalised word inside running text ("May" the month is no "may"), except in a title-case headline or at
     * the start of a sentence. Overlapping entity hits resolve leftmost-longest; cue categories may overlap.
     */
    List<Hit> annotate(Tokens tokens, int from, int to, boolean titleCase) {
        List<Hit> raw = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (tokens.punct(i)) {
                continue;
            }
            int before = raw.size();
            trie.matchAt(tokens, i, to, raw);
            boolean cap = tokens.capitalised(i);
            for (int k = raw.size() - 1; k >= before; k--) {
                LexEntry e = raw.get(k).entry();
                boolean keep = e.proper() ? cap || tokens.number(i)
                        : !cap || titleCase || i == from || e.kind() == LexKind.TIME
                        || (i > from && tokens.punct(i - 1) && !tokens.is(i - 1, ","));
                if (!keep) {
                    raw.remove(k);
                }
            }
        }
        List<Hit> result = new ArrayList<>(raw.size());
        int lastEnd = from;
        for (int k = 0; k < raw.size(); ) {
            int start = raw.get(k).start();
            int groupEnd = k;
            int longest = -1;
            while (groupEnd < raw.size() && raw.get(groupEnd).start() == start) {
                Hit h = raw.get(groupEnd);
                if (h.kind().entity()) {
                    longest = Math.max(longest, h.end());
                } else {
                    result.add(h);
                }
                groupEnd++;
            }
            if (longest >= 0 && start >= lastEnd) {
                for (int g = k; g < groupEnd; g++) {
                    Hit h = raw.get(g);
                    if (h.kind().entity() && h.end() == longest) {
                        result.add(h);
                    }
                }
                lastEnd = longest;
            }
            k = groupEnd;
        }
        result.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        return result;
    }

}
