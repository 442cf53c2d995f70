package dev.troopwatch.extract;

/** What a lexicon entry is; one kind per lexicon file category. */
enum LexKind {
    /** A country's name or a metonym for its state (capital, seat of government). */
    COUNTRY,
    /** "North Korean", "French": whose people or forces. */
    DEMONYM,
    /** A capital: the state when a subject or speaker, the city when after a locative preposition. */
    CAPITAL,
    /** An institution speaking or acting for a state (Pentagon, NIS, KCNA). */
    AGENCY,
    /** A state-backed force: actor and troop mention at once (Wagner, MINUSMA, IDF). */
    FORCE,
    /** NATO, UN, EU. */
    BLOC,
    /** A news outlet or monitor named as a source. */
    OUTLET,
    /** A person who speaks for a state. */
    PERSON,
    /** A place inside a host country (or a multi-country region, code ZZ). */
    PLACE,
    TROOP,
    CIVILIAN,
    TRIGGER,
    NEGATION,
    HYPOTHETICAL,
    DENIAL,
    HEDGE,
    ATTRIBUTION,
    PLANNING,
    REINFORCEMENT,
    EXCLUSION,
    MEDIA,
    SPEAKER,
    FRONT,
    NUMBER,
    APPROXIMATOR,
    TIME;

    /** Kinds that name an entity; among overlapping entity matches only the longest is kept. */
    boolean entity() {
        return ordinal() <= PLACE.ordinal();
    }
}
