package dev.troopwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
