package dev.troopwatch.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code troopwatch run} process against an existing cluster: what the crash and failover tests kill.
 * {@link #awaitRunning} waits for the line the command prints once Kafka Streams is RUNNING.
 */
final class AppInstance implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("pipeline\\s+RUNNING in ([0-9.]+) s");
    /** The line naming the HTTP server: "dashboard http://..." or, without the dashboard, "http http://...". */
    private static final Pattern HTTP = Pattern.compile("(?:dashboard|http)\\s+http://([^:/\\s]+):(\\d+)/");

    private static final int SIGTERM_EXIT = 128 + 15;

    private final ChildJvm jvm;
    private Duration reportedStartup;
    private Duration spawnToRunning;
    private int httpPort;

    private AppInstance(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /**
     * Spawns {@code troopwatch run}.
     *
     * @param name       instance name: log file and state directory ({@code --instance-id})
     * @param bootstrap  the cluster
     * @param dataDir    data dir (state stores under {@code dataDir/state/name})
     * @param settings   extra {@code -D key=value} settings (processing guarantee, application id, ...)
     */
    static AppInstance spawn(String name, String bootstrap, Path dataDir, Path logDir, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", bootstrap,
                "--data-dir", dataDir.toString(), "--instance-id", name, "--http-port", "0",
                "--ready-timeout", "240s"));
        new TreeMap<>(settings).forEach((key, value) -> {
            args.add("-D");
            args.add(key + "=" + value);
        });
        return new AppInstance(ChildJvm.start(name, "384m", logDir, args));
    }

    /** Waits until the pipeline is RUNNING; records how long it took. */
    AppInstance awaitRunning(Duration timeout) {
        Matcher running = jvm.awaitLine(RUNNING, timeout);
        spawnToRunning = jvm.age();
        reportedStartup = Duration.ofMillis(Math.round(Double.parseDouble(running.group(1)) * 1000));
        Matcher http = jvm.awaitLine(HTTP, Duration.ofSeconds(30));
        httpPort = Integer.parseInt(http.group(2));
        return this;
    }

    /** Process spawn to RUNNING: JVM start, topic check, state restoration, group join. */
    Duration spawnToRunning() {
        return spawnToRunning;
    }

    /** What the process itself reports: PipelineRunner start to RUNNING (no JVM start). */
    Duration reportedStartup() {
        return reportedStartup;
    }

    int httpPort() {
        return httpPort;
    }

    ChildJvm jvm() {
        return jvm;
    }

    void kill9() {
        jvm.kill9();
    }

    /**
     * Graceful stop (SIGTERM): the shutdown hook closes Streams, which commits. Returns true when the process ended
     * the way a JVM ends on SIGTERM after its hooks ran (exit 143 = 128 + 15) or exited 0 by itself.
     */
    boolean terminate() {
        int exit = jvm.terminate(Duration.ofSeconds(90));
        return exit == 0 || exit == SIGTERM_EXIT;
    }

    @Override
    public void close() {
        jvm.close();
    }

    @Override
    public String toString() {
        return jvm.toString();
    }
}
