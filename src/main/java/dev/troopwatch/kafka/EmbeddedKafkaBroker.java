package dev.troopwatch.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka KRaft node (process.roles=broker,controller) running inside this JVM.
 *
 * <p>The data directory is formatted once, the way {@code kafka-storage format --standalone} (or
 * {@code --initial-controllers} for a multi-node quorum) does it, and kept: a restart on the same directory resumes
 * the same cluster with its topics and offsets. Ports default to free loopback ports; the controller port is reused
 * across restarts because the KRaft voter set recorded at format time names it.
 *
 * <p>{@link #start} returns only when the node is registered in the cluster, checked with an AdminClient.
 * The {@code broker} command runs one of these in its own JVM so resilience tests can {@code kill -9} it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    /** Where the generated broker configuration is kept; also how a restart finds its previous ports. */
    public static final String CONFIG_FILE = "server.properties";
    private static final String LOG_DIR = "kraft-logs";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String CLIENT_LISTENER = "PLAINTEXT";

    private final KafkaRaftServer server;
    private final BrokerSettings settings;
    private final String clusterId;
    private final int port;
    private final Duration startupTime;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, BrokerSettings settings, String clusterId, int port,
                                Duration startupTime) {
        this.server = server;
        this.settings = settings;
        this.clusterId = clusterId;
        this.port = port;
        this.startupTime = startupTime;
    }

    /** Formats the data dir if it is new, starts the node and waits until the cluster lists it. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        long startNanos = System.nanoTime();
        Path dataDir = settings.dataDir().toAbsolutePath();
        Path logDir = dataDir.resolve(LOG_DIR);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create broker data dir " + dataDir, e);
        }
        Properties previous = readProperties(dataDir.resolve(CONFIG_FILE));
        Optional<String> storedClusterId = storedClusterId(logDir);
        if (settings.clusterId() != null && storedClusterId.isPresent()
                && !storedClusterId.get().equals(settings.clusterId())) {
            throw new IllegalStateException("data dir " + dataDir + " belongs to cluster " + storedClusterId.get()
                    + ", not " + settings.clusterId() + "; use another --data-dir");
        }
        String clusterId = storedClusterId.orElse(
                settings.clusterId() != null ? settings.clusterId() : Uuid.randomUuid().toString());

        List<QuorumVoter> voters = settings.voters();
        if (voters.isEmpty()) {
            int controllerPort = settings.controllerPort() != 0 ? settings.controllerPort()
                    : previousPort(previous, CONTROLLER_LISTENER)
                            .orElseGet(() -> freePort(settings.host()));
            voters = List.of(QuorumVoter.withNewDirectory(settings.nodeId(), settings.host(), controllerPort));
        }
        int controllerPort = voters.stream().filter(v -> v.nodeId() == settings.nodeId()).findFirst()
                .orElseThrow().port();
        int port = settings.port() != 0 ? settings.port()
                : previousPort(previous, CLIENT_LISTENER).filter(p -> isFree(settings.host(), p))
                        .orElseGet(() -> freePort(settings.host()));
        ensureFree(settings.host(), controllerPort, "controller");
        ensureFree(settings.host(), port, "client");

        Properties config = serverConfig(settings, logDir, port, controllerPort, voters);
        Path configFile = dataDir.resolve(CONFIG_FILE);
        writeProperties(configFile, config);
        if (storedClusterId.isEmpty()) {
            format(configFile, clusterId, voters);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        try {
            server.startup();
            awaitRegistered(settings.host() + ":" + port, settings.nodeId(), settings.readyTimeout());
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new EmbeddedKafkaBroker(server, settings, clusterId, port,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return settings.host() + ":" + port;
    }

    public String clusterId() {
        return clusterId;
    }

    public int nodeId() {
        return settings.nodeId();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** Wall time from {@link #start} to registered, including formatting on first start. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The Kafka version on the classpath, from the properties file kafka-clients ships. */
    public static String kafkaVersion() {
        try (InputStream in = EmbeddedKafkaBroker.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties version = new Properties();
            if (in != null) {
                version.load(in);
            }
            return version.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Controlled shutdown; the data dir stays for the next start. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties serverConfig(BrokerSettings settings, Path logDir, int port, int controllerPort,
                                           List<QuorumVoter> voters) {
        String host = settings.host();
        // Internal topics cannot ask for more replicas than there are nodes; a cluster of 3+ gets RF 3 / ISR 2.
        int internalReplication = Math.min(3, voters.size());
        int internalMinIsr = internalReplication == 1 ? 1 : 2;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(settings.nodeId()));
        p.setProperty("listeners", CLIENT_LISTENER + "://" + host + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + port + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.setProperty("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", CLIENT_LISTENER);
        p.setProperty("controller.quorum.bootstrap.servers",
                String.join(",", voters.stream().map(QuorumVoter::endpoint).toList()));
        p.setProperty("log.dirs", logDir.toString());
        // Topics are code (topics/): a typo in a topic name must fail, not silently create a topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", Integer.toString(internalReplication));
        p.setProperty("offsets.topic.replication.factor", Integer.toString(internalReplication));
        p.setProperty("transaction.state.log.replication.factor", Integer.toString(internalReplication));
        p.setProperty("transaction.state.log.min.isr", Integer.toString(internalMinIsr));
        p.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(internalReplication));
        p.setProperty("share.coordinator.state.topic.min.isr", Integer.toString(internalMinIsr));
        // Small footprint: demo and tests run under -Xmx512m next to the application.
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        // After a kill -9 the restarted node may register only once its previous session expired (default 9 s);
        // 4 s keeps restarts quick while a 1 s heartbeat still tolerates GC pauses on a busy machine.
        p.setProperty("broker.heartbeat.interval.ms", "1000");
        p.setProperty("broker.session.timeout.ms", "4000");
        // A new consumer group should start at once rather than wait for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        settings.overrides().forEach(p::setProperty);
        return p;
    }

    /** Same as {@code kafka-storage format --cluster-id ID --config FILE --initial-controllers ...}. */
    private static void format(Path configFile, String clusterId, List<QuorumVoter> voters) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {"format", "--config", configFile.toString(),
                    "--cluster-id", clusterId, "--initial-controllers", QuorumVoter.formatList(voters)}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting " + configFile.getParent() + " failed: " + e.getMessage()
                    + "\n" + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exit != 0) {
            throw new IllegalStateException("formatting " + configFile.getParent() + " failed (exit " + exit + "):\n"
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Polls the cluster description until it lists this node. {@code startup()} normally returns once the node is
     * unfenced, so the first answer usually suffices; the loop covers multi-node quorums still electing a leader.
     */
    private static void awaitRegistered(String bootstrap, int nodeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties adminConfig = new Properties();
        adminConfig.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        adminConfig.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        adminConfig.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        String lastProblem = "no answer";
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    for (Node node : admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(5, TimeUnit.SECONDS)) {
                        if (node.id() == nodeId) {
                            return;
                        }
                    }
                    lastProblem = "node " + nodeId + " not yet registered";
                } catch (ExecutionException | TimeoutException e) {
                    lastProblem = e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                }
                // Between polls only; the AdminClient call above is what waits for the broker.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        throw new IllegalStateException("broker " + nodeId + " at " + bootstrap + " not ready after "
                + timeout.toSeconds() + " s: " + lastProblem);
    }

    private static Optional<String> storedClusterId(Path logDir) {
        Properties meta = readProperties(logDir.resolve("meta.properties"));
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    private static Optional<Integer> previousPort(Properties previous, String listener) {
        String listeners = previous.getProperty("listeners", "");
        for (String entry : listeners.split(",")) {
            if (entry.startsWith(listener + "://")) {
                return Optional.of(Integer.parseInt(entry.substring(entry.lastIndexOf(':') + 1)));
            }
        }
        return Optional.empty();
    }

    /** A port the OS considers free now; the broker binds it moments later. */
    public static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensureFree(String host, int port, String listener) {
        if (!isFree(host, port)) {
            throw new IllegalStateException(listener + " port " + host + ":" + port
                    + " is in use (another broker on the same data dir or port?)");
        }
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private static void writeProperties(Path file, Properties properties) {
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "Generated by troopwatch EmbeddedKafkaBroker; rewritten at every start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "Kafka " + kafkaVersion() + " node " + nodeId() + " at " + bootstrapServers() + " (cluster " + clusterId
                + ", data " + settings.dataDir() + ")";
    }
}
