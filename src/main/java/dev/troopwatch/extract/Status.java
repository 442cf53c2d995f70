package dev.troopwatch.extract;

/** Troop-deployment statuses, as defined in the corpus labelling guide. */
public enum Status {
    PLANNED, DEPLOYED, REINFORCED, ENGAGED, CASUALTIES, WITHDRAWN, REDEPLOYED
}
