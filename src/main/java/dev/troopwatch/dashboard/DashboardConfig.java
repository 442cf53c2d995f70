package dev.troopwatch.dashboard;

/**
 * Where and how the dashboard serves.
 *
 * @param host             interface to bind; loopback unless the operator exposes it ({@code --http-host})
 * @param port             TCP port; 0 picks a free one (tests)
 * @param alertBuffer      how many recent alerts the live feed keeps for replay and {@code /api/alerts}
 * @param maxRequestBytes  largest request body accepted; the API takes none, so this stays small
 */
public record DashboardConfig(String host, int port, int alertBuffer, long maxRequestBytes) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_ALERT_BUFFER = 1_000;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;

    public DashboardConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("http host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http port out of range: " + port);
        }
        if (alertBuffer < 1) {
            throw new IllegalArgumentException("alert buffer must be positive: " + alertBuffer);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("max request bytes must be positive: " + maxRequestBytes);
        }
    }

    public static DashboardConfig of(String host, int port) {
        return new DashboardConfig(host, port, DEFAULT_ALERT_BUFFER, DEFAULT_MAX_REQUEST_BYTES);
    }

    public static DashboardConfig loopback(int port) {
        return of(LOOPBACK, port);
    }
}
