package dev.troopwatch.cli;

import picocli.CommandLine.Option;

/** {@code --http-port} and {@code --http-host}, shared by the commands that serve the dashboard. */
public final class HttpOptions {
    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "HTTP port of the API and dashboard; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds; 0.0.0.0 exposes it. Default: ${DEFAULT-VALUE}")
    String host;
}
