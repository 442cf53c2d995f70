package dev.troopwatch.runtime;

/** The one place that decides which HTTP server {@code demo} and {@code run} start. */
public final class HttpEndpoints {
    private HttpEndpoints() {
    }

    /** The minimal JSON health API until the dashboard server takes this place. */
    public static HttpEndpoint.Factory defaultFactory() {
        return HealthEndpoint::start;
    }
}
