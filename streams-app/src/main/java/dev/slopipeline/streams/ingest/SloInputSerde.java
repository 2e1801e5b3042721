package dev.slopipeline.streams.ingest;

import dev.slopipeline.definitions.event.HealthStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The repartition topic's values: compact binary, read only by this topology.
 *
 * <pre>
 * counts:           byte 1, long event time, long good, long bad, [if bad > 0: text service, text operation]
 * component health: byte 2, long event time, text service, text check, byte status, byte 0 | byte 1 text target
 * text = unsigned short length, UTF-8 bytes
 * </pre>
 */
public final class SloInputSerde implements Serde<SloInput> {

    private static final byte COUNTS = 1;
    private static final byte COMPONENT_HEALTH = 2;

    @Override
    public Serializer<SloInput> serializer() {
        return (topic, input) -> input == null ? null : encode(input);
    }

    @Override
    public Deserializer<SloInput> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(SloInput input) {
        if (input instanceof SloInput.Counts counts) {
            if (counts.bad() == 0) {
                return ByteBuffer.allocate(1 + 3 * Long.BYTES).put(COUNTS)
                        .putLong(counts.eventTimeMillis()).putLong(counts.good()).putLong(0).array();
            }
            byte[] service = utf8(counts.service());
            byte[] operation = utf8(counts.operation());
            ByteBuffer out = ByteBuffer.allocate(1 + 3 * Long.BYTES + 2 * Short.BYTES + service.length + operation.length)
                    .put(COUNTS).putLong(counts.eventTimeMillis()).putLong(counts.good()).putLong(counts.bad());
            putText(out, service);
            putText(out, operation);
            return out.array();
        }
        SloInput.ComponentHealth health = (SloInput.ComponentHealth) input;
        byte[] service = utf8(health.service());
        byte[] check = utf8(health.check());
        byte[] target = health.target() == null ? null : utf8(health.target());
        ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES + 2 * Short.BYTES + service.length + check.length + 2
                        + (target == null ? 0 : Short.BYTES + target.length))
                .put(COMPONENT_HEALTH).putLong(health.eventTimeMillis());
        putText(out, service);
        putText(out, check);
        out.put((byte) health.status().ordinal());
        out.put((byte) (target == null ? 0 : 1));
        if (target != null) {
            putText(out, target);
        }
        return out.array();
    }

    static SloInput decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte kind = in.get();
            long eventTime = in.getLong();
            if (kind == COUNTS) {
                long good = in.getLong();
                long bad = in.getLong();
                return bad == 0
                        ? new SloInput.Counts(eventTime, good, 0, null, null)
                        : new SloInput.Counts(eventTime, good, bad, text(in), text(in));
            }
            if (kind == COMPONENT_HEALTH) {
                String service = text(in);
                String check = text(in);
                HealthStatus status = HealthStatus.values()[in.get()];
                String target = in.get() == 1 ? text(in) : null;
                return new SloInput.ComponentHealth(eventTime, service, check, status, target);
            }
            throw new SerializationException("SLO input of unknown kind " + kind);
        } catch (RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException("SLO input of " + bytes.length + " bytes is malformed", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void putText(ByteBuffer out, byte[] text) {
        out.putShort((short) text.length).put(text);
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
