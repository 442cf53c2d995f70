package dev.troopwatch.resilience;

import dev.troopwatch.stream.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes the article stream to the raw topic the way the wire producer does (idempotent, {@code acks=all}),
 * in a background thread at a steady pace, so that kills land while articles are still arriving. Each article is
 * sent once; a send that fails fails the test ({@link #awaitDone}).
 */
final class Feeder implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread thread;

    Feeder(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Brokers may be killed under it: keep retrying well beyond a leader election.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends {@code wires} in order, one every {@code interval}, in the background. Returns at once; call
     * {@link #awaitDone} before the next batch.
     */
    void publishInBackground(List<ArticleStream.Wire> wires, Duration interval) {
        if (thread != null && thread.isAlive()) {
            throw new IllegalStateException("the previous batch is still being published");
        }
        thread = new Thread(() -> publish(wires, interval), "feeder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the current batch to be acknowledged by the cluster. */
    void awaitDone(Duration timeout) {
        if (thread != null) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (thread.isAlive()) {
                throw new IllegalStateException("publishing did not finish within " + timeout.toSeconds() + " s");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed", failure.get());
        }
    }

    int published() {
        return published.get();
    }

    private void publish(List<ArticleStream.Wire> wires, Duration interval) {
        try {
            Future<RecordMetadata> last = null;
            for (ArticleStream.Wire wire : wires) {
                last = producer.send(new ProducerRecord<>(TopicNames.ARTICLES_RAW, wire.key(),
                        UninterruptedRun.json(wire)), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                published.incrementAndGet();
                            }
                        });
                if (!interval.isZero()) {
                    LockSupport.parkNanos(interval.toNanos());
                }
            }
            producer.flush();
            if (last != null) {
                last.get(3, TimeUnit.MINUTES);
            }
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
