package dev.troopwatch.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code <data-dir>/broker.address}: {@code demo} and {@code broker} write the address of the broker they started
 * there, so {@code publish} and {@code tail} without {@code --bootstrap-servers} find it. Removed on clean shutdown.
 */
public final class BrokerAddressFile {
    public static final String FILE_NAME = "broker.address";
    /** Default data dir, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".troopwatch");
    /** Where a broker is assumed when nothing says otherwise. */
    public static final String FALLBACK = "localhost:9092";

    private BrokerAddressFile() {
    }

    public static void write(Path dataDir, String bootstrapServers) {
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, bootstrapServers + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE_NAME), e);
        }
    }

    public static Optional<String> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String address = Files.readString(file, StandardCharsets.UTF_8).strip();
            return address.isEmpty() ? Optional.empty() : Optional.of(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir.resolve(FILE_NAME), e);
        }
    }

    /** The explicit address when given, else the one recorded in the data dir, else {@link #FALLBACK}. */
    public static String resolve(String explicit, Path dataDir) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        return read(dataDir).orElse(FALLBACK);
    }
}
