package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The alert state of one SLO: which severities fire, since when, and why. Immutable; the evaluation
 * returns the next one.
 *
 * <p>State-store bytes, version 2: byte 2, byte count, then per firing severity: byte severity
 * ordinal, long startedAt epoch millis, modified UTF-8 triggering pair name, long lastHeld epoch
 * millis (tens of bytes in all).
 */
public record AlertStates(Map<Severity, ActiveAlert> active) {

    private static final byte VERSION = 2;

    public AlertStates {
        active = Collections.unmodifiableMap(active.isEmpty() ? new EnumMap<>(Severity.class) : new EnumMap<>(active));
    }

    public static AlertStates none() {
        return new AlertStates(Map.of());
    }

    public Optional<ActiveAlert> get(Severity severity) {
        return Optional.ofNullable(active.get(severity));
    }

    AlertStates with(Severity severity, ActiveAlert alert) {
        Map<Severity, ActiveAlert> next = new EnumMap<>(Severity.class);
        next.putAll(active);
        next.put(severity, alert);
        return new AlertStates(next);
    }

    AlertStates without(Severity severity) {
        Map<Severity, ActiveAlert> next = new EnumMap<>(Severity.class);
        next.putAll(active);
        next.remove(severity);
        return new AlertStates(next);
    }

    /** Start times keep millisecond precision, the precision of event time. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(active.size());
            for (Map.Entry<Severity, ActiveAlert> entry : active.entrySet()) {
                out.writeByte(entry.getKey().ordinal());
                out.writeLong(entry.getValue().startedAt().toEpochMilli());
                out.writeUTF(entry.getValue().triggeringPair());
                out.writeLong(entry.getValue().lastHeld().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static AlertStates fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("alert state has version " + version + "; this build reads version " + VERSION);
            }
            Map<Severity, ActiveAlert> active = new EnumMap<>(Severity.class);
            int count = in.readUnsignedByte();
            for (int i = 0; i < count; i++) {
                Severity severity = Severity.values()[in.readUnsignedByte()];
                Instant startedAt = Instant.ofEpochMilli(in.readLong());
                String triggeringPair = in.readUTF();
                active.put(severity, new ActiveAlert(startedAt, triggeringPair, Instant.ofEpochMilli(in.readLong())));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("alert state has " + in.available() + " unexpected trailing bytes");
            }
            return new AlertStates(active);
        } catch (EOFException e) {
            throw new IllegalArgumentException("alert state is truncated (" + bytes.length + " bytes)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }
}
