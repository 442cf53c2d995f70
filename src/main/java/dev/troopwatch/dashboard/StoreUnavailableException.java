package dev.troopwatch.dashboard;

/** The situation store cannot answer right now (starting, rebalancing, owner unreachable): a 503, not a 500. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
