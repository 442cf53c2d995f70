package dev.troopwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.StoreNames;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.TroopwatchTopology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The soak run: the troopwatch topology under {@code exactly_once_v2}, fed generated wires at a fixed rate for a
 * long time (default an hour at 500 articles/s), sampled every few seconds to show whether memory and state level
 * off or keep growing, and whether the application keeps up.
 *
 * <p>The wires come from a {@link WireStream}, generated as they are sent, so the bench JVM (which hosts the
 * generator and producer as well as the application) holds only the last simulated days' articles. Every sample
 * forces a full collection first, so its heap figure is live data (see {@link ProcessMemory#liveHeap()}).
 */
final class SoakRun {
    /** An original report is remembered this long after it was sent, plus the app's lag, for its alerts to come. */
    private static final Duration REMEMBER = Duration.ofSeconds(120);
    /** The app kept up when, at the end of input, it was at most this much input behind. */
    static final Duration KEPT_UP_LAG = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final int DEAD_LETTER_EXAMPLES = 3;

    /**
     * One sample.
     *
     * @param phase       "run" while sending, "end" when the last article was sent, "drained" when every article
     *                    was committed and the reorder buffer emptied
     * @param seconds     since the first article was sent
     * @param sent        articles sent
     * @param committed   raw records the app has committed (its consumer group's offsets)
     * @param alerts      alerts read (read_committed)
     * @param deadLetters dead letters read (read_committed)
     * @param situations  entries of the situation store, -1 while not queryable
     * @param buffered    reports waiting in the reorder buffer, -1 while not queryable
     * @param otherStores entries of every other store of the topology, -1 where not countable
     * @param stateBytes  bytes under the app's state directory
     * @param liveHeap    heap used right after a forced full collection, -1 if none ran
     * @param peakHeap    sum of the heap pools' peaks since the run started
     * @param rss         resident set of the bench JVM (app, generator, producer)
     * @param brokerRss   resident set of the broker JVM
     * @param gcMillis    how long the forced collection took
     * @param countMillis how long counting the stores' entries took (the count reads and parses every value, so
     *                    it costs the app CPU while a sample is taken)
     * @param remembered  original reports the alert check holds (about 200 bytes each, part of the live heap; it
     *                    grows with the app's lag, see {@link SoakCheck#forget})
     */
    record Sample(String phase, double seconds, long sent, long committed, long alerts, long deadLetters,
                  long situations, long buffered, Map<String, Long> otherStores, long stateBytes, long liveHeap,
                  long peakHeap, long rss, long brokerRss, double gcMillis, double countMillis, int remembered) {
        long lag() {
            return sent - committed;
        }
    }

    /**
     * The run.
     *
     * @param rate          target articles/s
     * @param seconds       how long articles were sent
     * @param sampleSeconds time between samples
     * @param scale         copies per event the generator wrote
     * @param achievedRate  articles / sending time
     * @param otherStores   stores of the topology besides the situation store and the reorder buffer
     * @param samples       every sample, in order
     * @param heap          verdict on live heap over the samples taken while sending
     * @param state         verdict on the state directory over the same samples
     * @param keptUp        at the end of input the app was at most {@link #KEPT_UP_LAG} of input behind
     * @param drainSeconds  from the last article sent to every article committed and the buffer empty; -1 if it
     *                      did not drain within {@link #DRAIN_TIMEOUT}
     * @param check         the alert check
     * @param deadLetters   a few dead letters' reasons
     * @param lastPublished publication time of the last article sent (the generated wire's simulated date)
     * @param checkMemory   originals the check remembered at most (about 200 bytes each)
     */
    record Result(int rate, double seconds, double sampleSeconds, int scale, double achievedRate,
                  List<String> otherStores, List<Sample> samples, GrowthVerdict heap, GrowthVerdict state,
                  boolean keptUp, double drainSeconds, SoakCheck.Totals check, List<String> deadLetters,
                  String lastPublished, int checkMemory) {
        Sample endOfInput() {
            return samples.stream().filter(s -> s.phase().equals("end")).findFirst().orElseThrow();
        }

        long totalDeadLetters() {
            return samples.get(samples.size() - 1).deadLetters();
        }
    }

    private final BenchCluster cluster;
    private final PipelineBench bench;
    private final long brokerPid;
    private final BenchReport report;
    private final PrintWriter out;

    SoakRun(BenchCluster cluster, PipelineBench bench, long brokerPid, BenchReport report, PrintWriter out) {
        this.cluster = cluster;
        this.bench = bench;
        this.brokerPid = brokerPid;
        this.report = report;
        this.out = out;
    }

    Result run(int rate, Duration duration, Duration sampleEvery, long seed, SyntheticWireGenerator generator) {
        List<String> topics = new ArrayList<>(BenchCluster.PIPELINE_OUTPUTS);
        topics.add(TopicNames.ARTICLES_RAW);
        cluster.recreate(topics);
        long planned = Math.max(1, rate * duration.toMillis() / 1000);
        WireStream wire = generator.stream(seed, planned);
        String appId = "bench-soak-" + Long.toString(System.currentTimeMillis(), 36);
        Properties props = bench.appConfig(appId, StreamsConfig.EXACTLY_ONCE_V2);
        Path stateDir = Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG), appId);
        KafkaStreams streams = TroopwatchTopology.streams(props);
        List<String> otherStores = otherStores(TroopwatchTopology.buildTopology(props));
        SoakCheck check = new SoakCheck();
        AtomicLong sent = new AtomicLong();
        AtomicLong alerts = new AtomicLong();
        AtomicLong deadLetters = new AtomicLong();
        List<String> deadLetterExamples = new CopyOnWriteArrayList<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        AtomicReference<RuntimeException> consumerFailure = new AtomicReference<>();
        CountDownLatch consumerReady = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> reader = bench.alertConsumer()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(TopicNames.ALERTS, TopicNames.DEADLETTER)) {
                    for (int p = 0; p < cluster.partitions(topic); p++) {
                        partitions.add(new TopicPartition(topic, p));
                    }
                }
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                partitions.forEach(reader::position);
                consumerReady.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                        JsonNode value = PipelineBench.tree(record.value());
                        if (record.topic().equals(TopicNames.ALERTS)) {
                            check.alert(value.path("situation").path("actor").asText() + "-"
                                            + value.path("situation").path("host").asText(),
                                    value.path("type").asText(), value.path("evidence").path("article_id").asText());
                            alerts.incrementAndGet();
                        } else {
                            deadLetters.incrementAndGet();
                            if (deadLetterExamples.size() < DEAD_LETTER_EXAMPLES) {
                                deadLetterExamples.add(value.path("reason").asText() + ": "
                                        + value.path("detail").asText());
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                consumerFailure.set(e);
                consumerReady.countDown();
            }
        }, "bench-soak-consumer");
        List<Sample> samples = new CopyOnWriteArrayList<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicReference<String> lastPublished = new AtomicReference<>("-");
        ProcessMemory.resetPeakHeap();
        ProcessMemory.resetPeakRss();
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, "5"))) {
            PipelineBench.startAndAwaitRunning(streams);
            consumer.start();
            if (!consumerReady.await(60, TimeUnit.SECONDS) || consumerFailure.get() != null) {
                throw new IllegalStateException("alert consumer did not start", consumerFailure.get());
            }
            report.printSoakHeader(out, rate, duration, sampleEvery, wire.scale(), otherStores);
            long t0 = System.nanoTime();
            Sampler sampler = new Sampler(streams, appId, stateDir, otherStores, sent, alerts, deadLetters, check, t0);
            Thread samplerThread = new Thread(() -> {
                for (long k = 1; sampling.get(); k++) {
                    long due = t0 + k * sampleEvery.toNanos();
                    while (sampling.get() && System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    if (!sampling.get()) {
                        return;
                    }
                    try {
                        Sample s = sampler.take("run");
                        samples.add(s);
                        report.printSoakSample(out, s);
                        long lagNanos = s.lag() * 1_000_000_000L / rate;
                        check.forget(System.nanoTime() - REMEMBER.toNanos() - lagNanos);
                    } catch (RuntimeException e) {
                        // One lost sample (the broker's admin API timed out, say) must not end an hour's run.
                        out.println("   sample failed: " + e);
                        out.flush();
                    }
                }
            }, "bench-soak-sampler");
            samplerThread.start();
            long period = 1_000_000_000L / rate;
            for (long i = 0; i < planned; i++) {
                long wait = t0 + i * period - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                WireStream.Item item = wire.next();
                check.sent(item, System.nanoTime());
                producer.send(BenchCluster.record(item.article()));
                sent.incrementAndGet();
                if (i == planned - 1) {
                    lastPublished.set(item.article().raw().published());
                }
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            sampling.set(false);
            LockSupport.unpark(samplerThread);
            samplerThread.join();
            Sample end = sampler.take("end");
            samples.add(end);
            report.printSoakSample(out, end);
            long drainStart = System.nanoTime();
            boolean drained = awaitDrained(streams, appId, sent.get(), alerts);
            double drainSeconds = drained ? (System.nanoTime() - drainStart) / 1e9 : -1;
            Sample last = sampler.take("drained");
            samples.add(last);
            report.printSoakSample(out, last);
            consuming.set(false);
            consumer.join();
            if (consumerFailure.get() != null) {
                throw consumerFailure.get();
            }
            SoakCheck.Totals totals = check.finish();
            List<Sample> whileSending = samples.stream().filter(s -> !s.phase().equals("drained")).toList();
            return new Result(rate, sendSeconds, sampleEvery.toMillis() / 1000.0, wire.scale(),
                    planned / sendSeconds, otherStores, List.copyOf(samples),
                    verdict(whileSending, Sample::liveHeap), verdict(whileSending, Sample::stateBytes),
                    end.lag() <= rate * KEPT_UP_LAG.toSeconds(), drainSeconds, totals,
                    List.copyOf(deadLetterExamples), lastPublished.get(),
                    samples.stream().mapToInt(Sample::remembered).max().orElse(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            sampling.set(false);
            consuming.set(false);
            streams.close(Duration.ofSeconds(30));
        }
    }

    static GrowthVerdict verdict(List<Sample> samples, ToLongFunction<Sample> value) {
        double[] t = new double[samples.size()];
        double[] v = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            t[i] = samples.get(i).seconds();
            v[i] = value.applyAsLong(samples.get(i));
        }
        return GrowthVerdict.of(t, v);
    }

    /**
     * Waits until the app has committed every article sent, the reorder buffer is empty and no alert has come for
     * two seconds; false if that takes longer than {@link #DRAIN_TIMEOUT}.
     */
    private boolean awaitDrained(KafkaStreams streams, String appId, long sent, AtomicLong alerts) {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        long lastAlerts = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            boolean consumed = bench.processed(appId) >= sent
                    && PipelineBench.count(streams, StoreNames.REPORT_BUFFER) == 0;
            long now = alerts.get();
            if (now != lastAlerts || !consumed) {
                lastAlerts = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
                return true;
            }
            // Offsets and the buffer are polled: there is no event for "the app caught up".
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return false;
    }

    /** Every state store of the topology but the situation store and the reorder buffer, sorted. */
    static List<String> otherStores(Topology topology) {
        TreeSet<String> names = new TreeSet<>();
        TopologyDescription description = topology.describe();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    names.addAll(processor.stores());
                }
            }
        }
        description.globalStores().forEach(g -> names.addAll(g.processor().stores()));
        names.remove(StoreNames.SITUATIONS);
        names.remove(StoreNames.REPORT_BUFFER);
        return List.copyOf(names);
    }

    /** Takes samples of one run. */
    private final class Sampler {
        private final KafkaStreams streams;
        private final String appId;
        private final Path stateDir;
        private final List<String> otherStores;
        private final AtomicLong sent;
        private final AtomicLong alerts;
        private final AtomicLong deadLetters;
        private final SoakCheck check;
        private final long t0;

        Sampler(KafkaStreams streams, String appId, Path stateDir, List<String> otherStores, AtomicLong sent,
                AtomicLong alerts, AtomicLong deadLetters, SoakCheck check, long t0) {
            this.streams = streams;
            this.appId = appId;
            this.stateDir = stateDir;
            this.otherStores = otherStores;
            this.sent = sent;
            this.alerts = alerts;
            this.deadLetters = deadLetters;
            this.check = check;
            this.t0 = t0;
        }

        Sample take(String phase) {
            long committed = bench.processed(appId);
            long sentNow = sent.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long countStart = System.nanoTime();
            long situations = PipelineBench.count(streams, StoreNames.SITUATIONS);
            long buffered = PipelineBench.count(streams, StoreNames.REPORT_BUFFER);
            Map<String, Long> other = new LinkedHashMap<>();
            otherStores.forEach(name -> other.put(name, PipelineBench.count(streams, name)));
            double countMillis = (System.nanoTime() - countStart) / 1e6;
            long stateBytes = ProcessMemory.directorySize(stateDir);
            long gcStart = System.nanoTime();
            long live = ProcessMemory.liveHeap();
            double gcMillis = (System.nanoTime() - gcStart) / 1e6;
            return new Sample(phase, seconds, sentNow, committed, alerts.get(), deadLetters.get(), situations,
                    buffered, other, stateBytes, live, ProcessMemory.peakHeap(),
                    ProcessMemory.rss(ProcessHandle.current().pid()), ProcessMemory.rss(brokerPid), gcMillis,
                    countMillis, check.remembered());
        }
    }
}
