package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The state-store form of {@link SloWindows}: one header part and one part per closed bucket slot,
 * so that a record costs a put of the header (about a hundred bytes) and, when a minute closes, one
 * put per ring, instead of the whole object (thousands of buckets).
 *
 * <pre>
 * part "h" (header), version 1:
 *   byte 1
 *   plan:  unit (byte 0 events | byte 1 minutes, double sliceTarget), varint grace minutes,
 *          varint window count, varint minutes per window,
 *          budget (byte 0 rolling, varint minutes | byte 1 calendar, byte period, varint length + UTF-8 zone id)
 *   long latest epoch millis
 *   varint late events
 *   every ring, finest first: its newest (open) bucket: tally
 *   every rolling window's sum, shortest first: tally; then the calendar sum if any: tally
 * part "s" + byte ring (0 = finest) + unsigned short slot: that slot of that ring, unless it is the
 *   ring's newest: tally (an empty slot has no part)
 * tally = varint good, varint bad, varint (events - good - bad)   (never negative: a unit has an event)
 * </pre>
 *
 * <p>Slot positions follow from the watermark and the plan, so a slot part is the same key for the
 * life of the ring. The newest slot's part is stale by design (the header holds that bucket) and is
 * ignored on rebuild; it is written when the bucket closes.
 */
public final class WindowParts {

    static final byte VERSION = 1;
    private static final byte[] HEADER = {'h'};
    private static final byte SLOT = 's';
    private static final int SLOT_PART_LENGTH = 4;

    private WindowParts() {
    }

    /** Writes every part changed since the last call: the header, and slots that changed and are closed. */
    public static void drainChanges(SloWindows windows, PartSink sink) {
        if (!windows.takeChanged()) {
            return;
        }
        sink.put(HEADER.clone(), header(windows));
        int ringIndex = 0;
        for (BucketRing ring : windows.rings()) {
            int index = ringIndex++;
            ring.drainDirty((slot, tally) -> {
                byte[] part = slotPart(index, slot);
                if (tally.isZero()) {
                    sink.delete(part);
                } else {
                    sink.put(part, tallyBytes(tally));
                }
            });
        }
    }

    /**
     * The state the parts describe, or empty when there are none.
     *
     * @throws IllegalArgumentException when the parts do not form a state of this version
     */
    public static Optional<SloWindows> rebuild(List<Part> parts) {
        Optional<Part> header = parts.stream().filter(p -> isHeader(p.name())).findFirst();
        if (header.isEmpty()) {
            if (!parts.isEmpty()) {
                throw new IllegalArgumentException("window state has " + parts.size() + " slots but no header");
            }
            return Optional.empty();
        }
        SloWindows state = readHeader(header.get().value());
        List<BucketRing> rings = state.rings();
        for (Part entry : parts) {
            if (entry == header.get()) {
                continue;
            }
            ByteBuffer part = ByteBuffer.wrap(entry.name());
            if (part.remaining() != SLOT_PART_LENGTH || part.get() != SLOT) {
                throw new IllegalArgumentException("window state has an unknown part of " + entry.name().length + " bytes");
            }
            int ringIndex = part.get();
            int slot = Short.toUnsignedInt(part.getShort());
            if (ringIndex < 0 || ringIndex >= rings.size() || slot >= rings.get(ringIndex).capacity()) {
                throw new IllegalArgumentException("window state has slot " + slot + " of ring " + ringIndex
                        + ", which its plan does not hold");
            }
            BucketRing ring = rings.get(ringIndex);
            if (slot != ring.newestSlot()) {
                ring.restoreSlot(slot, readTally(ByteBuffer.wrap(entry.value()), entry.value()));
            }
        }
        return Optional.of(state);
    }

    private static boolean isHeader(byte[] part) {
        return part.length == 1 && part[0] == HEADER[0];
    }

    static byte[] slotPart(int ringIndex, int slot) {
        return new byte[] {SLOT, (byte) ringIndex, (byte) (slot >>> 8), (byte) slot};
    }

    static byte[] planBytes(WindowPlan plan) {
        Writer out = new Writer(64);
        writePlan(out, plan);
        return out.toByteArray();
    }

    private static byte[] header(SloWindows state) {
        Writer out = new Writer(128);
        out.write(VERSION);
        out.writeBytes(state.planBytes());
        out.writeFixedLong(state.latest().toEpochMilli());
        out.writeVarint(state.lateEvents());
        for (BucketRing ring : state.rings()) {
            out.writeTally(ring.slot(ring.newestSlot()));
        }
        for (SlidingSum window : state.slidingSums()) {
            out.writeTally(window.sum());
        }
        state.calendarSum().ifPresent(calendar -> out.writeTally(calendar.sum()));
        return out.toByteArray();
    }

    private static SloWindows readHeader(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("window state has version " + version + "; this build reads version " + VERSION);
            }
            WindowPlan plan = readPlan(in);
            SloWindows state = SloWindows.restore(plan, Instant.ofEpochMilli(in.getLong()), readVarint(in));
            for (BucketRing ring : state.rings()) {
                ring.restoreSlot(ring.newestSlot(), readTally(in));
            }
            for (SlidingSum window : state.slidingSums()) {
                window.restore(readTally(in));
            }
            state.calendarSum().ifPresent(calendar -> calendar.restore(readTally(in)));
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("window state header has " + in.remaining() + " unexpected trailing bytes");
            }
            return state;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("window state header is truncated (" + bytes.length + " bytes)", e);
        }
    }

    private static byte[] tallyBytes(Tally tally) {
        Writer out = new Writer(12);
        out.writeTally(tally);
        return out.toByteArray();
    }

    private static Tally readTally(ByteBuffer in, byte[] whole) {
        try {
            Tally tally = readTally(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("window slot has " + in.remaining() + " unexpected trailing bytes");
            }
            return tally;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("window slot is truncated (" + whole.length + " bytes)", e);
        }
    }

    private static void writePlan(Writer out, WindowPlan plan) {
        if (plan.unit() instanceof SliUnit.Minutes minutes) {
            out.write(1);
            out.writeFixedLong(Double.doubleToLongBits(minutes.sliceTarget()));
        } else {
            out.write(0);
        }
        out.writeVarint(plan.graceMinutes());
        out.writeVarint(plan.rollingWindows().size());
        for (Duration window : plan.rollingWindows()) {
            out.writeVarint(window.toMinutes());
        }
        if (plan.budgetWindow() instanceof SloWindow.Calendar calendar) {
            out.write(1);
            out.write(calendar.period().ordinal());
            byte[] zone = calendar.zone().getId().getBytes(StandardCharsets.UTF_8);
            out.writeVarint(zone.length);
            out.writeBytes(zone);
        } else {
            out.write(0);
            out.writeVarint(plan.budgetWindow().nominalLength().toMinutes());
        }
    }

    private static WindowPlan readPlan(ByteBuffer in) {
        SliUnit unit = switch (in.get()) {
            case 0 -> new SliUnit.Events();
            case 1 -> new SliUnit.Minutes(Double.longBitsToDouble(in.getLong()));
            default -> throw new IllegalArgumentException("window state has an unknown SLI unit");
        };
        Duration grace = Duration.ofMinutes(readVarint(in));
        long windowCount = readVarint(in);
        List<Duration> windows = new ArrayList<>();
        for (long i = 0; i < windowCount; i++) {
            windows.add(Duration.ofMinutes(readVarint(in)));
        }
        SloWindow budgetWindow = switch (in.get()) {
            case 0 -> new SloWindow.Rolling(Duration.ofMinutes(readVarint(in)));
            case 1 -> {
                SloWindow.CalendarPeriod period = SloWindow.CalendarPeriod.values()[in.get()];
                byte[] zone = new byte[Math.toIntExact(readVarint(in))];
                in.get(zone);
                yield new SloWindow.Calendar(period, ZoneId.of(new String(zone, StandardCharsets.UTF_8)));
            }
            default -> throw new IllegalArgumentException("window state has an unknown budget window kind");
        };
        return new WindowPlan(unit, grace, windows, budgetWindow);
    }

    private static Tally readTally(ByteBuffer in) {
        long good = readVarint(in);
        long bad = readVarint(in);
        return new Tally(good, bad, good + bad + readVarint(in));
    }

    private static long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("window state has a varint longer than 10 bytes");
    }

    /** A growing byte array: the header is written on nearly every event, and a stream's locking shows. */
    private static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        void writeBytes(byte[] more) {
            for (byte b : more) {
                write(b);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void writeTally(Tally tally) {
            writeVarint(tally.good());
            writeVarint(tally.bad());
            writeVarint(tally.events() - tally.total());
        }

        void writeVarint(long value) {
            if (value < 0) {
                throw new IllegalStateException("window state holds a negative count " + value);
            }
            long rest = value;
            while ((rest & ~0x7fL) != 0) {
                write((int) (rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            write((int) rest);
        }

        void writeFixedLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                write((int) (value >>> shift));
            }
        }
    }
}
