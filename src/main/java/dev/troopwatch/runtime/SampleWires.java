package dev.troopwatch.runtime;

import dev.troopwatch.ingest.ArticleFiles;
import dev.troopwatch.ingest.ArticleSink;
import dev.troopwatch.ingest.PublishReport;
import dev.troopwatch.ingest.ReadBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sample wires bundled in the jar ({@code samples/wires.ndjson}, one article per line in publication order),
 * published by {@code demo} once per data dir: a marker holding the file's hash stops a restart from sending them
 * again (unless a send failed). Edited samples (another hash) are published again; being keyed by article id,
 * the pipeline recognises the ones it has seen.
 */
public final class SampleWires {
    public static final String RESOURCE = "samples/wires.ndjson";
    private static final String MARKER = "samples.published";

    private SampleWires() {
    }

    /** The bundled samples, or empty when this build has none. */
    public static Optional<byte[]> bundled() {
        try (InputStream in = SampleWires.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + RESOURCE, e);
        }
    }

    /**
     * Publishes {@code samples} unless this data dir already did.
     *
     * @return the report, or empty when they had been published before
     */
    public static Optional<PublishReport> publishOnce(byte[] samples, Path dataDir, ArticleSink sink) {
        String hash = sha256(samples);
        Path marker = dataDir.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(hash)) {
                return Optional.empty();
            }
            ReadBatch batch = ArticleFiles.read(new ByteArrayInputStream(samples), RESOURCE);
            PublishReport report = sink.publish(batch, published -> { });
            boolean everySendAcknowledged = report.rejected().size() == batch.rejections().size();
            if (everySendAcknowledged) {
                Files.createDirectories(dataDir);
                Files.writeString(marker, hash + "\n", StandardCharsets.UTF_8);
            }
            return Optional.of(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + marker, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
