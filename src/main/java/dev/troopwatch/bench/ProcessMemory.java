package dev.troopwatch.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Memory and CPU time of a process from {@code /proc/PID/status} (Linux) and of this JVM's heap from its MXBeans. */
final class ProcessMemory {
    /** USER_HZ: the unit of /proc/PID/stat times; 100 on every Linux architecture the JDK runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcessMemory() {
    }

    /** Resident set size now, in bytes; -1 where {@code /proc} is not available. */
    static long rss(long pid) {
        return statusBytes(pid, "VmRSS:");
    }

    /** Peak resident set size ("high water mark"), in bytes; -1 where {@code /proc} is not available. */
    static long peakRss(long pid) {
        return statusBytes(pid, "VmHWM:");
    }

    /** Resets this process's VmHWM to the current RSS, so a run's peak is its own; false where not supported. */
    static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** CPU time (user + system) a process has used so far, in nanoseconds; -1 where {@code /proc} is not available. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of this process's threads so far, in nanoseconds, summed by kind: Kafka Streams threads, Kafka
     * client I/O threads, garbage collection, JIT compilation and the rest (native names from /proc, which the
     * kernel cuts to 15 characters). Empty where /proc is not available.
     */
    static Map<String, Long> cpuNanosByThreadKind() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (Long.parseLong(f[11]) + Long.parseLong(f[12]))
                            * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
                    out.merge(threadKind(name), nanos, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked: its time is gone with it
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    private static String threadKind(String name) {
        if (name.contains("StreamThrea") || name.startsWith("bench-troopwat") || name.startsWith("bench-passthro")
                || name.startsWith("bench-latency")) {
            return "streams";
        }
        if (name.startsWith("kafka-producer") || name.startsWith("kafka-coordina") || name.startsWith("kafka-admin")) {
            return "kafka-io";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "gc";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        return "other";
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Heap in use right after a full collection ({@code System.gc()}, a stop-the-world full GC under G1 by
     * default): live data, not garbage waiting for the next collection. -1 when no collection ran (explicit GC
     * disabled with {@code -XX:+DisableExplicitGC}).
     */
    static long liveHeap() {
        long before = collections();
        System.gc();
        return collections() > before ? heapUsed() : -1;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    /** Sum of the heap pools' peak usage since the last {@link #resetPeakHeap()}. */
    static long peakHeap() {
        return heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    private static long statusBytes(long pid, String field) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.substring(field.length()).strip().split("\\s+")[0]) * 1024)
                    .orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Bytes of all regular files under {@code dir}; 0 when it does not exist. */
    static long directorySize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // RocksDB deletes files while compacting; a vanished file has no size
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
