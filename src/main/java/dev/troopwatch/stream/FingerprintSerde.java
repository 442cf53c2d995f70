package dev.troopwatch.stream;

import dev.troopwatch.track.ReportFingerprint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of {@link ReportFingerprint} for the fingerprint store. The syndication check reads every
 * fingerprint of a situation's window for each report (up to the policy's 256), so decoding one must cost little:
 * Jackson spent microseconds per 400-byte JSON fingerprint, this reads a few length-prefixed strings. The store and
 * its changelog are internal; no other program reads them.
 *
 * <p>FORMAT: version byte (1), then id, signature, agency, source as strings, publication time as epoch seconds
 * (long) and nanos (int), then copy-of as a string; a string is its UTF-8 length as an int (-1 for null) and bytes.
 */
final class FingerprintSerde {
    private static final byte VERSION = 1;

    private FingerprintSerde() {
    }

    static Serde<ReportFingerprint> serde() {
        return Serdes.serdeFrom(serializer(), deserializer());
    }

    private static Serializer<ReportFingerprint> serializer() {
        return (topic, fingerprint) -> {
            if (fingerprint == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(384);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                write(out, fingerprint.articleId());
                write(out, fingerprint.signature());
                write(out, fingerprint.agency());
                write(out, fingerprint.source());
                out.writeLong(fingerprint.published().getEpochSecond());
                out.writeInt(fingerprint.published().getNano());
                write(out, fingerprint.copyOf());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
    }

    private static Deserializer<ReportFingerprint> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new SerializationException("fingerprint record of unknown version " + version);
                }
                String id = read(in);
                String signature = read(in);
                String agency = read(in);
                String source = read(in);
                Instant published = Instant.ofEpochSecond(in.readLong(), in.readInt());
                return new ReportFingerprint(id, signature, agency, source, published, read(in));
            } catch (IOException | RuntimeException e) {
                if (e instanceof SerializationException serialization) {
                    throw serialization;
                }
                throw new SerializationException("unreadable fingerprint record (" + data.length + " bytes)", e);
            }
        };
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("string of " + length + " bytes in a shorter record");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
