package dev.troopwatch.alert;

/**
 * What kind of change an alert reports. The declaration order is the order in which alerts raised by one report are
 * emitted: arrival (plan, deployment, return), then where and how many, then what happened there, then departure,
 * and last who vouches for it.
 */
public enum AlertType {
    /** First report that a state decided or prepares to send troops. */
    PLANNED,
    /** Troops reported present for the first time. */
    NEW_DEPLOYMENT,
    /** Troops back on a front or in a theatre after a withdrawal. */
    REDEPLOYMENT,
    /** Troops reported in a theatre of the host not named before. */
    NEW_THEATRE,
    /** More troops: status REINFORCED, a planned reinforcement of a standing deployment, or a materially higher count. */
    REINFORCEMENT,
    /** First report of combat. */
    ENGAGEMENT,
    /** First report of losses, or a materially higher loss count. */
    CASUALTIES,
    /** Troops pulled back from the front or out of the host. */
    WITHDRAWAL,
    /** The actor's or the host's own state asserts the deployment for the first time, after others reported it. */
    OFFICIAL_CONFIRMATION
}
