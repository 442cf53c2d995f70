package dev.troopwatch.extract;

import java.util.List;

/** One data line of a lexicon file: its fields, and where it came from for error messages. */
record LexiconRow(String file, int line, List<String> fields) {
    LexiconRow {
        fields = List.copyOf(fields);
    }

    String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    LexiconException error(String problem) {
        return new LexiconException(file, line, problem);
    }
}
