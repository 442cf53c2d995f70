package dev.troopwatch.resilience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A troopwatch command ({@code dev.troopwatch.cli.Main ...}) in a JVM of its own, on the test classpath, so that a
 * test can {@code kill -9} it. Output goes to a log file under {@code target/resilience/} and is watched for the
 * lines the command prints when it is ready. Every child is also registered with a JVM shutdown hook that kills it,
 * so an aborted test run leaves no process behind.
 */
final class ChildJvm implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "resilience-child-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;
    private final long startedNanos = System.nanoTime();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pump = new Thread(this::pumpOutput, "output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code troopwatch ARGS} in a new JVM.
     *
     * @param name    for messages and the log file name
     * @param heap    -Xmx value, e.g. "384m"
     * @param logDir  where {@code name.log} is appended to (kept across restarts of the same name)
     */
    static ChildJvm start(String name, String heap, Path logDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        // Children start again and again on a shared 2-core machine: a small collector and the quick JIT tier
        // keep start-up cheap, and the work they do is small.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(testClasspath());
        command.add("dev.troopwatch.cli.Main");
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Files.writeString(log, "\n===== " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            LIVE.add(process);
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * The classpath of this test JVM. Surefire may run tests from a manifest-only jar, in which case the real
     * classpath is in {@code surefire.test.class.path}.
     */
    static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Waits for an output line matching {@code pattern} and returns its match; fails when the process exits first
     * or the time runs out, quoting the end of its output.
     */
    Matcher awaitLine(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Matcher matcher = pattern.matcher(lines.get(seen));
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                long left = deadline - System.nanoTime();
                if (!pump.isAlive() && seen == lines.size()) {
                    throw new IllegalStateException(name + " exited (" + exitText() + ") before printing /"
                            + pattern + "/; see " + log + "; last lines:\n" + tail());
                }
                if (left <= 0) {
                    throw new IllegalStateException(name + " did not print /" + pattern + "/ within "
                            + timeout.toSeconds() + " s; see " + log + "; last lines:\n" + tail());
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for " + name, e);
                }
            }
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, no commit. Returns once the process is gone. */
    void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, the graceful stop; returns the exit code once the process has closed everything. */
    int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Time since the process was spawned. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill9();
        }
        LIVE.remove(process);
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not exit within " + timeout.toSeconds()
                        + " s and was killed");
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted waiting for " + name + " to exit", e);
        } finally {
            if (!process.isAlive()) {
                LIVE.remove(process);
            }
        }
        return process.exitValue();
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed mid-line; what was read is in the log
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    private String exitText() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? "exit " + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private String tail() {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
