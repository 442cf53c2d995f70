package dev.troopwatch.extract;

/**
 * One lexicon entry as matched in text.
 *
 * @param kind   category
 * @param code   country / bloc code, status name, or the entry's class (e.g. "MIN" for an approximator)
 * @param detail extra data: a theatre name, an attribution side, a number kind; empty when unused
 * @param value  numeric value (number words, months), else 0
 * @param proper true when the entry is a proper name: it then only matches capitalised text
 * @param length number of tokens
 */
record LexEntry(LexKind kind, String code, String detail, long value, boolean proper, int length) {
}
