package dev.troopwatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token-sequence trie: every lexicon phrase is stored by its folded tokens, so a lookup costs one hash probe per
 * token and all phrases starting at a token are found in one walk.
 */
final class PhraseTrie {
    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        final List<LexEntry> entries = new ArrayList<>(1);
    }

    private final Node root = new Node();

    void add(List<String> forms, LexEntry entry) {
        Node node = root;
        for (String form : forms) {
            node = node.next.computeIfAbsent(form, k -> new Node());
        }
        if (!node.entries.contains(entry)) {
            node.entries.add(entry);
        }
    }

    /** Adds every entry matching at token {@code i} (ending before {@code limit}) to {@code out}. */
    void matchAt(Tokens tokens, int i, int limit, List<Hit> out) {
        Node node = root;
        for (int j = i; j < limit; j++) {
            node = node.next.get(tokens.form(j));
            if (node == null) {
                return;
            }
            for (LexEntry e : node.entries) {
                out.add(new Hit(e, i, j + 1));
            }
        }
    }
}
