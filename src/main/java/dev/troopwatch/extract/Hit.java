package dev.troopwatch.extract;

/** A lexicon entry found at tokens [start, end) of an article. */
record Hit(LexEntry entry, int start, int end) {
    LexKind kind() {
        return entry.kind();
    }

    String code() {
        return entry.code();
    }
}
