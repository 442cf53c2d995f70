package dev.troopwatch.bench;

import dev.troopwatch.runtime.BrokerAddressFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The embedded broker in a child JVM ({@code troopwatch broker}), so the benchmark's memory figures are the
 * application's alone and the broker competes for the CPUs as a separate process, as it would in production.
 */
final class ChildBroker implements AutoCloseable {
    private final Process process;
    private final String bootstrapServers;

    private ChildBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static ChildBroker start(Path dataDir, String heap, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), "dev.troopwatch.cli.Main", "broker",
                "--port", "0", "--data-dir", dataDir.toString()));
        Process process;
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("broker.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker JVM", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> address = BrokerAddressFile.read(dataDir);
            if (address.isPresent()) {
                return new ChildBroker(process, address.get());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("broker JVM exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("broker.log"));
            }
            // Polls the address file the broker writes once it is registered; there is no event to wait on.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        process.destroyForcibly();
        throw new IllegalStateException("broker not ready within " + timeout + "; see " + dataDir.resolve("broker.log"));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
