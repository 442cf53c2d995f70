package dev.troopwatch.bench;

import java.util.List;

/**
 * A country as the synthetic wires name it.
 *
 * @param code     ISO 3166-1 alpha-2 code, as the extractor reports it
 * @param actor    whether stories send its troops abroad
 * @param host     whether stories send troops into it
 * @param name     name in running text ("the Netherlands")
 * @param demonym  adjective for its troops ("Dutch")
 * @param capital  capital, for datelines and officials
 * @param places   towns, regions and bases inside it where a story can be set; empty when stories name only it
 */
record Country(String code, boolean actor, boolean host, String name, String demonym, String capital,
               List<String> places) {
    Country {
        places = List.copyOf(places);
    }

    /** The name at the start of a sentence ("The Netherlands"). */
    String capitalisedName() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
