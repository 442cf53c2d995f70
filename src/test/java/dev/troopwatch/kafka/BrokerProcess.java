package dev.troopwatch.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;

/**
 * An {@link EmbeddedKafkaBroker} in its own JVM ({@code troopwatch broker}), for tests that must {@code kill -9} a
 * broker or run a multi-node cluster. {@link #start} returns once the child printed that its node is registered.
 * The node's data dir survives the process, so {@link #restart} resumes it, like a real broker host.
 */
public final class BrokerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready at (\\S+) in");
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final Spec spec;
    private final Process process;
    private final String bootstrapServers;

    /**
     * What to start: one node of a (possibly single-node) cluster.
     *
     * @param nodeId     KRaft node id
     * @param dataDir    the node's data dir (the child keeps Kafka data in dataDir/kafka and a log in broker.log)
     * @param port       client port, 0 for a free one (reused on restart when still free)
     * @param clusterId  cluster id, or null for a new single-node cluster
     * @param voters     controller quorum (empty: standalone)
     * @param jvmOptions options of the child JVM
     * @param timeout    how long the child may take to be ready
     */
    public record Spec(int nodeId, Path dataDir, int port, String clusterId, List<QuorumVoter> voters,
                       List<String> jvmOptions, Duration timeout) {
        public Spec {
            voters = List.copyOf(voters);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public static Spec singleNode(Path dataDir) {
            return new Spec(1, dataDir, 0, null, List.of(), DEFAULT_JVM_OPTIONS, Duration.ofSeconds(90));
        }
    }

    private BrokerProcess(Spec spec, Process process, String bootstrapServers) {
        this.spec = spec;
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the child JVM and waits until its node is registered. */
    public static BrokerProcess start(Spec spec) {
        return awaitReady(spec, launch(spec));
    }

    /**
     * Starts an {@code nodes}-node cluster (every node broker and controller) under {@code baseDir}/node-N, all at
     * once since no node is ready before a quorum is.
     */
    public static List<BrokerProcess> startCluster(int nodes, Path baseDir, List<String> jvmOptions,
                                                   Duration timeout) {
        List<QuorumVoter> voters = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            voters.add(QuorumVoter.withNewDirectory(id, "127.0.0.1", EmbeddedKafkaBroker.freePort("127.0.0.1")));
        }
        String clusterId = Uuid.randomUuid().toString();
        List<Spec> specs = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) {
            Spec spec = new Spec(id, baseDir.resolve("node-" + id), 0, clusterId, voters, jvmOptions, timeout);
            specs.add(spec);
            processes.add(launch(spec));
        }
        List<BrokerProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                started.add(awaitReady(specs.get(i), processes.get(i)));
            }
        } catch (RuntimeException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
        return List.copyOf(started);
    }

    public static List<String> defaultJvmOptions() {
        return DEFAULT_JVM_OPTIONS;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no controlled shutdown, no flush. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the broker's controlled shutdown. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** A new child on the same data dir and spec; the old one must have exited. Its client port may differ. */
    public BrokerProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("node " + spec.nodeId() + " is still running");
        }
        return start(spec);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Process launch(Spec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.troopwatch.cli.Main");
        command.add("broker");
        command.addAll(List.of("--node-id", Integer.toString(spec.nodeId()), "--port", Integer.toString(spec.port()),
                "--data-dir", spec.dataDir().toString(), "--ready-timeout", spec.timeout().toSeconds() + "s"));
        if (spec.clusterId() != null) {
            command.addAll(List.of("--cluster-id", spec.clusterId()));
        }
        if (!spec.voters().isEmpty()) {
            command.addAll(List.of("--initial-controllers", QuorumVoter.formatList(spec.voters())));
        }
        try {
            Files.createDirectories(spec.dataDir());
            return new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(spec.dataDir().resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker node " + spec.nodeId(), e);
        }
    }

    /** Reads the child's stdout until the ready line, then keeps draining it so the child never blocks. */
    private static BrokerProcess awaitReady(Spec spec, Process process) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("broker node " + spec.nodeId()
                    + " exited with " + exitCode(process) + " before it was ready; see "
                    + spec.dataDir().resolve("broker.log")));
        }, "broker-" + spec.nodeId() + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new BrokerProcess(spec, process, ready.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("broker node " + spec.nodeId() + " not ready after "
                    + spec.timeout().toSeconds() + " s; see " + spec.dataDir().resolve("broker.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting broker node " + spec.nodeId(), e);
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }
}
