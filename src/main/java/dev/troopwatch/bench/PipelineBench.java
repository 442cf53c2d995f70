package dev.troopwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.runtime.TroopwatchConfig;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StoreNames;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.TroopwatchTopology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * End-to-end runs on a real broker: the troopwatch topology and a pass-through app over the same preloaded
 * records (throughput), and the troopwatch topology fed at a fixed rate (publish -> alert latency).
 *
 * <p>Every troopwatch run gets a fresh application id and fresh output topics, and is configured exactly as
 * {@code run} configures it ({@link TroopwatchConfig#resolve}), plus the operator's {@code --set} overrides.
 */
final class PipelineBench {
    static final String PASS_THROUGH_TOPIC = "bench.passthrough.out";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(200);
    /** How long the latency runs publish distractors at their rate before the measured articles. */
    static final Duration WARM_UP = Duration.ofSeconds(5);
    /** How many missing and unexpected alerts a mismatching run prints. */
    private static final int MISMATCH_LINES = 8;

    /**
     * One throughput run.
     *
     * @param app               "troopwatch" or "pass-through"
     * @param guarantee         processing.guarantee
     * @param articles          records processed
     * @param seconds           from RUNNING until the last alert was committed (every record consumed and the
     *                          tracker's reorder buffer drained)
     * @param inputSeconds      from RUNNING until every raw input record was consumed and committed
     * @param articlesPerSecond articles / seconds
     * @param peakHeap          heap peak of this JVM during the run (bytes)
     * @param peakRss           RSS peak of this JVM during the run (bytes), -1 where unknown
     * @param stateBytes        state directory size at the end (bytes)
     * @param storeEntries      situations in the store at the end, -1 for pass-through
     * @param check             the alerts raised against the expected ones, null for pass-through
     * @param appCpuMsPerArticle   CPU time of this JVM (the app) per article, in ms: independent of other load
     * @param brokerCpuMsPerArticle CPU time of the broker JVM per article, in ms
     * @param appCpuShares      share of the application's CPU time per kind of thread (streams, kafka-io, gc, jit,
     *                          other)
     */
    record Throughput(String app, String guarantee, int articles, double seconds, double inputSeconds,
                      double articlesPerSecond,
                      long peakHeap, long peakRss, long stateBytes, long storeEntries, AlertCheck check,
                      double appCpuMsPerArticle, double brokerCpuMsPerArticle, Map<String, Double> appCpuShares) {
    }

    /**
     * @param expected       alerts the generator expects
     * @param raised         alerts the run wrote
     * @param sameType       raised alerts matching an expected (situation, type), as multisets
     * @param sameArticle    raised alerts matching an expected (situation, type, article id)
     */
    record AlertCheck(int expected, int raised, int sameType, int sameArticle) {
        boolean allMatch() {
            return expected == raised && sameType == expected;
        }
    }

    /**
     * State and memory when a run had committed {@code articles} input records: {@code storeEntries} situations in
     * the situation store, {@code buffered} reports waiting in the tracker's reorder buffer.
     */
    record GrowthPoint(long articles, long storeEntries, long buffered, long stateBytes, long heapUsed, long rss) {
    }

    /**
     * Publish -> alert latency at one input rate.
     *
     * @param rate         target articles/s
     * @param achievedRate articles/s actually sent
     * @param articles     articles sent
     * @param alerts       alerts received (read_committed)
     * @param expected     alerts expected
     * @param p50          milliseconds, over every alert: consume time minus the produce time of its article
     * @param check        the alerts received against the expected ones
     * @param peakHeap     heap peak of this JVM during the run (bytes)
     * @param peakRss      RSS peak of this JVM during the run (bytes), -1 where unknown
     */
    record Latency(int rate, double achievedRate, int articles, int alerts, int expected, double p50, double p95,
                   double p99, double max, AlertCheck check, long peakHeap, long peakRss) {
    }

    private final BenchCluster cluster;
    private final long brokerPid;
    private final Path workDir;
    private final Properties overrides;
    private final PrintWriter log;
    private int runs;

    PipelineBench(BenchCluster cluster, long brokerPid, Path workDir, Properties overrides, PrintWriter log) {
        this.cluster = cluster;
        this.brokerPid = brokerPid;
        this.workDir = workDir;
        this.overrides = overrides;
        this.log = log;
    }

    Properties appConfig(String appId, String guarantee) {
        Properties flags = new Properties();
        flags.putAll(overrides);
        flags.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        flags.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        flags.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        flags.setProperty(TroopwatchConfig.INSTANCE_ID, appId);
        Properties props = TroopwatchConfig.resolve(new Properties(), flags, workDir, "127.0.0.1", 0)
                .streamsProperties();
        // The topology reads its own troopwatch.* settings (the reorder window) from the properties it is built
        // with; TroopwatchConfig keeps them apart from the Kafka ones, so hand the operator's over.
        overrides.stringPropertyNames().stream().filter(k -> k.startsWith("troopwatch."))
                .forEach(k -> props.setProperty(k, overrides.getProperty(k)));
        return props;
    }

    /** The troopwatch topology over the preloaded {@code wire}; samples state growth into {@code growth}. */
    Throughput runTroopwatch(String guarantee, SyntheticWire wire, List<GrowthPoint> growth) {
        cluster.recreate(BenchCluster.PIPELINE_OUTPUTS);
        String appId = "bench-troopwatch-" + shortName(guarantee) + "-" + (++runs);
        Properties props = appConfig(appId, guarantee);
        Path stateDir = Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG), appId);
        boolean eos = !guarantee.equals(StreamsConfig.AT_LEAST_ONCE);
        // The raw topic only: the repartition topic also carries the extract tasks' progress notes, which go on
        // while the app idles, so its end offset never stays put; the reorder buffer's drain covers what it carried.
        List<String> consumed = List.of(TopicNames.ARTICLES_RAW);
        ProcessMemory.resetPeakHeap();
        ProcessMemory.resetPeakRss();
        KafkaStreams streams = TroopwatchTopology.streams(props);
        AtomicBoolean sampling = new AtomicBoolean(true);
        List<GrowthPoint> samples = new CopyOnWriteArrayList<>();
        int total = wire.articles().size();
        Thread sampler = new Thread(() -> {
            int quarter = 1;
            while (sampling.get() && quarter < 4) {
                long processed = processed(appId);
                if (processed >= (long) total * quarter / 4) {
                    samples.add(sample(streams, processed, stateDir));
                    quarter++;
                }
                LockSupport.parkNanos(SAMPLE_EVERY.toNanos());
            }
        }, "bench-sampler");
        try {
            long start = startAndAwaitRunning(streams);
            Cpu cpu = new Cpu(brokerPid);
            sampler.start();
            long consumedAt = awaitCaughtUp(appId, consumed, eos, wire.articles().size());
            GrowthPoint caughtUp = sample(streams, processed(appId), stateDir);
            awaitReportsConsumed(appId);
            long end = awaitReorderBufferDrained(streams);
            Cpu used = cpu.since();
            sampling.set(false);
            sampler.join();
            GrowthPoint last = sample(streams, processed(appId), stateDir);
            samples.add(caughtUp);
            samples.add(last);
            growth.addAll(samples);
            double seconds = (end - start) / 1e9;
            Throughput result = new Throughput("troopwatch", guarantee, wire.articles().size(), seconds,
                    (consumedAt - start) / 1e9, wire.articles().size() / seconds, ProcessMemory.peakHeap(),
                    ProcessMemory.peakRss(ProcessHandle.current().pid()), last.stateBytes(), last.storeEntries(),
                    null, used.appMsPer(wire.articles().size()), used.brokerMsPer(wire.articles().size()),
                    used.shares());
            streams.close(Duration.ofSeconds(30));
            return withCheck(result, check(wire.expected()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            sampling.set(false);
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** Reads raw, writes it out unchanged: the limit a Streams app on this broker and machine can reach. */
    Throughput runPassThrough(String guarantee, int articles) {
        int partitions = cluster.partitions(TopicNames.ARTICLES_RAW);
        cluster.recreatePlain(PASS_THROUGH_TOPIC, partitions);
        String appId = "bench-passthrough-" + shortName(guarantee) + "-" + (++runs);
        Properties props = appConfig(appId, guarantee);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(TopicNames.ARTICLES_RAW, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("read-raw"))
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-out"));
        Topology topology = builder.build(props);
        ProcessMemory.resetPeakHeap();
        ProcessMemory.resetPeakRss();
        KafkaStreams streams = new KafkaStreams(topology, props);
        try {
            long start = startAndAwaitRunning(streams);
            Cpu cpu = new Cpu(brokerPid);
            long end = awaitCaughtUp(appId, List.of(TopicNames.ARTICLES_RAW), true, articles);
            Cpu used = cpu.since();
            double seconds = (end - start) / 1e9;
            return new Throughput("pass-through", guarantee, articles, seconds, seconds, articles / seconds,
                    ProcessMemory.peakHeap(), ProcessMemory.peakRss(ProcessHandle.current().pid()), 0, -1, null,
                    used.appMsPer(articles), used.brokerMsPer(articles), used.shares());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    /**
     * The troopwatch topology under {@code exactly_once_v2}, fed at {@code rate} articles/s for {@code duration}
     * after a {@link #WARM_UP} of distractors at the same rate.
     */
    Latency runLatency(int rate, Duration duration, long seed, SyntheticWireGenerator generator) {
        List<String> all = new ArrayList<>(BenchCluster.PIPELINE_OUTPUTS);
        all.add(TopicNames.ARTICLES_RAW);
        cluster.recreate(all);
        int count = (int) Math.max(1, rate * duration.toMillis() / 1000);
        SyntheticWire wire = generator.generate(seed, count);
        String appId = "bench-latency-" + rate + "-" + (++runs);
        Properties props = appConfig(appId, StreamsConfig.EXACTLY_ONCE_V2);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();
        CountDownLatch consumerReady = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> alerts = alertConsumer()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (int p = 0; p < cluster.partitions(TopicNames.ALERTS); p++) {
                    partitions.add(new TopicPartition(TopicNames.ALERTS, p));
                }
                alerts.assign(partitions);
                alerts.seekToBeginning(partitions);
                partitions.forEach(alerts::position);
                consumerReady.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : alerts.poll(Duration.ofMillis(5))) {
                        long now = System.nanoTime();
                        JsonNode alert = tree(record.value());
                        Long sent = sentAt.get(alert.path("evidence").path("article_id").asText());
                        if (sent != null) {
                            latencies.add(now - sent);
                        }
                        received.add(describe(alert));
                    }
                }
            } catch (RuntimeException e) {
                consumerFailure.set(e);
                consumerReady.countDown();
            }
        }, "bench-alert-consumer");
        KafkaStreams streams = TroopwatchTopology.streams(props);
        ProcessMemory.resetPeakHeap();
        ProcessMemory.resetPeakRss();
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, "5"))) {
            startAndAwaitRunning(streams);
            consumer.start();
            if (!consumerReady.await(60, TimeUnit.SECONDS) || consumerFailure.get() != null) {
                throw new IllegalStateException("alert consumer did not start", consumerFailure.get());
            }
            long period = 1_000_000_000L / rate;
            List<GeneratedArticle> warmUp = warmUp(generator, seed, rate, wire);
            long w0 = System.nanoTime();
            for (int i = 0; i < warmUp.size(); i++) {
                LockSupport.parkNanos(w0 + i * period - System.nanoTime());
                producer.send(BenchCluster.record(warmUp.get(i)));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < wire.articles().size(); i++) {
                long due = t0 + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                GeneratedArticle article = wire.articles().get(i);
                sentAt.put(article.raw().id(), System.nanoTime());
                producer.send(BenchCluster.record(article));
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (latencies.size() < wire.expected().size() && System.nanoTime() < deadline
                    && consumerFailure.get() == null) {
                // Waits for the last alerts to be committed; the consumer thread adds them as they arrive.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            consuming.set(false);
            consumer.join();
            if (consumerFailure.get() != null) {
                throw consumerFailure.get();
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Latency(rate, wire.articles().size() / sendSeconds, wire.articles().size(), sorted.length,
                    wire.expected().size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                    compare(wire.expected(), received), ProcessMemory.peakHeap(),
                    ProcessMemory.peakRss(ProcessHandle.current().pid()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            consuming.set(false);
            streams.close(Duration.ofSeconds(30));
        }
    }

    /**
     * {@link #WARM_UP} of distractor articles at the run's rate, published before the measured wires: they raise no
     * alert and change no situation, but bring the JIT, the consumer fetch loop and the tracker's view of every
     * upstream source to a steady state, which is what the latency figures describe. Their publication times are
     * set just before the measured set's, so that they do not carry the sources' progress past it.
     */
    private static List<GeneratedArticle> warmUp(SyntheticWireGenerator generator, long seed, int rate,
                                                 SyntheticWire measured) {
        int count = (int) (rate * WARM_UP.toMillis() / 1000);
        List<GeneratedArticle> distractors = generator.generate(seed ^ 0x5EEDL, count * 6).articles().stream()
                .filter(a -> a.role() == GeneratedArticle.Role.DISTRACTOR).limit(count).toList();
        Instant before = measured.articles().get(0).published().minus(Duration.ofSeconds(distractors.size() + 1L));
        List<GeneratedArticle> out = new ArrayList<>(distractors.size());
        for (int i = 0; i < distractors.size(); i++) {
            GeneratedArticle d = distractors.get(i);
            Instant published = before.plusSeconds(i);
            RawArticle raw = new RawArticle("warmup-" + d.raw().id(), d.raw().url(), d.raw().source(),
                    d.raw().headline(), published.toString(), d.raw().language(), d.raw().body());
            out.add(new GeneratedArticle(raw, published, d.role(), null, d.words()));
        }
        return out;
    }

    /** CPU time of this JVM and of the broker JVM at one moment, to take the difference over a run. */
    private record Cpu(long brokerPid, long app, long broker, Map<String, Long> byKind) {
        Cpu(long brokerPid) {
            this(brokerPid, ProcessMemory.cpuNanos(ProcessHandle.current().pid()), ProcessMemory.cpuNanos(brokerPid),
                    ProcessMemory.cpuNanosByThreadKind());
        }

        Cpu since() {
            Cpu now = new Cpu(brokerPid);
            Map<String, Long> kinds = new HashMap<>();
            now.byKind.forEach((k, v) -> kinds.put(k, v - byKind.getOrDefault(k, 0L)));
            return new Cpu(brokerPid, now.app - app, now.broker - broker, kinds);
        }

        /** Share of each kind of thread in the application's CPU time, over the kinds' sum. */
        Map<String, Double> shares() {
            long total = byKind.values().stream().mapToLong(v -> Math.max(0, v)).sum();
            Map<String, Double> out = new TreeMap<>();
            if (total > 0) {
                byKind.forEach((k, v) -> out.put(k, Math.max(0, v) / (double) total));
            }
            return out;
        }

        double appMsPer(int articles) {
            return app < 0 ? Double.NaN : app / 1e6 / articles;
        }

        double brokerMsPer(int articles) {
            return broker < 0 ? Double.NaN : broker / 1e6 / articles;
        }
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /**
     * Waits until the tracker's reorder buffer has released every report and the alerts those releases wrote are
     * committed (the alert topic's read_committed end offsets stay put for half a second). Every report has reached
     * the tracker by then; only their wall-clock wait in the buffer remains, which is latency, not throughput.
     */
    private long awaitReorderBufferDrained(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (count(streams, StoreNames.REPORT_BUFFER) != 0 && System.nanoTime() < deadline) {
            // The buffer empties on a wall-clock punctuation; there is no event to wait on from outside.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        Map<TopicPartition, Long> previous = Map.of();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> ends = cluster.endOffsets(List.of(TopicNames.ALERTS));
            if (!ends.equals(previous)) {
                previous = ends;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(500)) {
                return stableSince;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IllegalStateException("the reorder buffer did not drain within 120 s");
    }

    /**
     * Waits until the app has consumed every report the extract stage wrote: the repartition topic's end offsets
     * once the raw input is committed (under exactly-once the reports were committed with it) are a bound that
     * stays put, though progress notes go on being appended after it.
     */
    private void awaitReportsConsumed(String appId) throws InterruptedException {
        String reports = appId + "-" + StoreNames.SITUATION_REPORTS_REPARTITION + "-repartition";
        Map<TopicPartition, Long> bound = cluster.endOffsets(List.of(reports));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, Long> committed = cluster.committed(appId);
            if (bound.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue() - 1)) {
                return;
            }
            // Offsets are polled through the AdminClient: there is no event for "the group caught up".
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException(appId + " did not consume its reports within 10 minutes");
    }

    /** Raw input records the app has committed. */
    long processed(String appId) {
        return cluster.committed(appId).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TopicNames.ARTICLES_RAW))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static GrowthPoint sample(KafkaStreams streams, long processed, Path stateDir) {
        return new GrowthPoint(processed, count(streams, StoreNames.SITUATIONS), count(streams, StoreNames.REPORT_BUFFER),
                ProcessMemory.directorySize(stateDir), ProcessMemory.heapUsed(),
                ProcessMemory.rss(ProcessHandle.current().pid()));
    }

    /**
     * Entries of a key-value store, counted through an interactive query (RocksDB's own estimate counts overwritten
     * keys too); -1 while the store is not queryable.
     */
    static long count(KafkaStreams streams, String storeName) {
        try {
            ReadOnlyKeyValueStore<Object, Object> store = streams.store(StoreQueryParameters.fromNameAndType(
                    storeName, QueryableStoreTypes.keyValueStore()));
            long count = 0;
            try (KeyValueIterator<Object, Object> all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    count++;
                }
            }
            return count;
        } catch (RuntimeException e) {
            return -1; // not queryable while the app (re)balances
        }
    }

    /** Starts {@code streams} and returns System.nanoTime() when it is RUNNING. */
    static long startAndAwaitRunning(KafkaStreams streams) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<KafkaStreams.State> failed = new AtomicReference<>();
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                running.countDown();
            } else if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.PENDING_ERROR) {
                failed.set(newState);
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || failed.get() != null) {
            throw new IllegalStateException("streams app not RUNNING (state " + streams.state() + ")");
        }
        return System.nanoTime();
    }

    /**
     * Waits until the app's group has committed every record of {@code topics} and returns System.nanoTime()
     * then. Under exactly-once the last offset of an internal topic may be the transaction marker, which a
     * committed position may stop short of; the raw input is written without transactions and must be exact.
     */
    private long awaitCaughtUp(String groupId, List<String> topics, boolean eos, int expectedRaw)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        boolean previous = false;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            Map<TopicPartition, Long> committed = cluster.committed(groupId);
            Map<TopicPartition, Long> ends = cluster.endOffsets(topics);
            long rawCommitted = committed.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(TopicNames.ARTICLES_RAW))
                    .mapToLong(Map.Entry::getValue).sum();
            boolean done = rawCommitted >= expectedRaw;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                long slack = eos && !end.getKey().topic().equals(TopicNames.ARTICLES_RAW) ? 1 : 0;
                if (end.getValue() > 0 && committed.getOrDefault(end.getKey(), -1L) < end.getValue() - slack) {
                    done = false;
                }
            }
            if (done && previous) {
                return now;
            }
            previous = done;
            if (!done) {
                // Offsets are polled through the AdminClient: there is no event for "the group caught up".
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        throw new IllegalStateException(groupId + " did not catch up within 30 minutes");
    }

    /** Reads every alert of the (fresh) alerts topic and compares them with {@code expected}. */
    private AlertCheck check(List<ExpectedAlert> expected) {
        List<String> raised = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = alertConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < cluster.partitions(TopicNames.ALERTS); p++) {
                partitions.add(new TopicPartition(TopicNames.ALERTS, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    raised.add(describe(tree(record.value())));
                }
            }
        }
        return compare(expected, raised);
    }

    /** "OFFICIAL_CONFIRMATION 12, NEW_DEPLOYMENT 3" for alerts in the form "KE-HT TYPE article-id". */
    private static String byAlertType(List<String> alerts) {
        Map<String, Integer> counts = new TreeMap<>();
        alerts.forEach(a -> counts.merge(a.split(" ")[1], 1, Integer::sum));
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "KE-HT NEW_DEPLOYMENT article-id", the form of {@link ExpectedAlert#toString()}. */
    private static String describe(JsonNode alert) {
        return alert.path("situation").path("actor").asText() + "-" + alert.path("situation").path("host").asText()
                + " " + alert.path("type").asText() + " " + alert.path("evidence").path("article_id").asText();
    }

    private AlertCheck compare(List<ExpectedAlert> expected, List<String> raised) {
        Map<String, Integer> byType = new HashMap<>();
        Map<String, Integer> byArticle = new HashMap<>();
        for (ExpectedAlert e : expected) {
            byType.merge(e.situation() + " " + e.type(), 1, Integer::sum);
            byArticle.merge(e.toString(), 1, Integer::sum);
        }
        int sameType = 0;
        int sameArticle = 0;
        for (String r : raised) {
            String type = r.substring(0, r.lastIndexOf(' '));
            if (byType.merge(type, -1, Integer::sum) >= 0) {
                sameType++;
            }
            if (byArticle.merge(r, -1, Integer::sum) >= 0) {
                sameArticle++;
            }
        }
        if (sameType < expected.size() || raised.size() != expected.size()) {
            log.printf("   correctness: %d alerts expected, %d raised, %d of the expected (situation, type) found%n",
                    expected.size(), raised.size(), sameType);
            List<String> missing = new ArrayList<>(expected.stream().map(ExpectedAlert::toString).toList());
            raised.forEach(missing::remove);
            List<String> unexpected = new ArrayList<>(raised);
            expected.forEach(e -> unexpected.remove(e.toString()));
            log.println("     missing by type:    " + byAlertType(missing));
            log.println("     unexpected by type: " + byAlertType(unexpected));
            missing.stream().limit(MISMATCH_LINES).forEach(m -> log.println("     missing:    " + m));
            unexpected.stream().limit(MISMATCH_LINES).forEach(u -> log.println("     unexpected: " + u));
        }
        return new AlertCheck(expected.size(), raised.size(), sameType, sameArticle);
    }

    KafkaConsumer<byte[], byte[]> alertConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static JsonNode tree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable alert: " + Arrays.toString(Arrays.copyOf(json, 40)), e);
        }
    }

    private static Throughput withCheck(Throughput t, AlertCheck check) {
        return new Throughput(t.app(), t.guarantee(), t.articles(), t.seconds(), t.inputSeconds(),
                t.articlesPerSecond(), t.peakHeap(),
                t.peakRss(), t.stateBytes(), t.storeEntries(), check, t.appCpuMsPerArticle(),
                t.brokerCpuMsPerArticle(), t.appCpuShares());
    }

    private static String shortName(String guarantee) {
        return guarantee.equals(StreamsConfig.AT_LEAST_ONCE) ? "alos" : "eos";
    }
}
