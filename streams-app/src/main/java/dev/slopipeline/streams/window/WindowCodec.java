package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of the parts that {@link WindowParts} keeps for one SLO's windows, version 1:
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
 * part "s" + byte ring (0 = finest) + unsigned short slot: that slot of that ring: tally
 * tally = varint good, varint bad, varint (events - good - bad)   (never negative: a unit has an event)
 * </pre>
 *
 * <p>A task that takes over an SLO reads parts that an earlier build may have written, so this layout
 * only ever grows a new version beside the old. Longs are big-endian.
 */
final class WindowCodec {

    static final byte VERSION = 1;
    private static final byte HEADER = 'h';
    private static final byte SLOT = 's';
    private static final int SLOT_NAME_LENGTH = 4;

    /** Where a slot part belongs. */
    record SlotName(int ring, int slot) {
    }

    private WindowCodec() {
    }

    static byte[] headerName() {
        return new byte[] {HEADER};
    }

    static boolean isHeader(byte[] name) {
        return name.length == 1 && name[0] == HEADER;
    }

    static byte[] slotName(int ring, int slot) {
        return new byte[] {SLOT, (byte) ring, (byte) (slot >>> 8), (byte) slot};
    }

    /** @throws IllegalArgumentException when the name is no slot's */
    static SlotName readSlotName(byte[] name) {
        ByteBuffer in = ByteBuffer.wrap(name);
        if (in.remaining() != SLOT_NAME_LENGTH || in.get() != SLOT) {
            throw new IllegalArgumentException("window state has an unknown part of " + name.length + " bytes");
        }
        int ring = in.get();
        return new SlotName(ring, Short.toUnsignedInt(in.getShort()));
    }

    /** A slot part's value. */
    static byte[] slot(Tally tally) {
        Writer out = new Writer(12);
        out.writeTally(tally);
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the value is no slot's */
    static Tally readSlot(byte[] value) {
        ByteBuffer in = ByteBuffer.wrap(value);
        try {
            Tally tally = readTally(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("window slot has " + in.remaining() + " unexpected trailing bytes");
            }
            return tally;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("window slot is truncated (" + value.length + " bytes)", e);
        }
    }

    /** The header part's value: written on nearly every record, so straight from the windows into one array. */
    static byte[] header(SloWindows windows) {
        Writer out = new Writer(128);
        out.write(VERSION);
        writePlan(out, windows.plan());
        out.writeFixedLong(windows.latest().toEpochMilli());
        out.writeVarint(windows.lateEvents());
        List<BucketRing> rings = windows.rings();
        for (int i = 0; i < rings.size(); i++) {
            BucketRing ring = rings.get(i);
            out.writeTally(ring.slot(ring.newestSlot()));
        }
        List<SlidingSum> sums = windows.slidingSums();
        for (int i = 0; i < sums.size(); i++) {
            out.writeTally(sums.get(i).sum());
        }
        windows.calendarSum().ifPresent(calendar -> out.writeTally(calendar.sum()));
        return out.toByteArray();
    }

    /**
     * The windows a header describes, every closed slot still empty.
     *
     * @throws IllegalArgumentException when the bytes are no header of this version
     */
    static SloWindows readHeader(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("window state has version " + version + "; this build reads version " + VERSION);
            }
            WindowPlan plan = readPlan(in);
            SloWindows windows = SloWindows.restore(plan, Instant.ofEpochMilli(in.getLong()), readVarint(in));
            for (BucketRing ring : windows.rings()) {
                ring.restoreSlot(ring.newestSlot(), readTally(in));
            }
            for (SlidingSum window : windows.slidingSums()) {
                window.restore(readTally(in));
            }
            windows.calendarSum().ifPresent(calendar -> calendar.restore(readTally(in)));
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("window state header has " + in.remaining() + " unexpected trailing bytes");
            }
            return windows;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("window state header is truncated (" + bytes.length + " bytes)", e);
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
        List<Duration> windows = plan.rollingWindows();
        out.writeVarint(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            out.writeVarint(windows.get(i).toMinutes());
        }
        if (plan.budgetWindow() instanceof SloWindow.Calendar calendar) {
            out.write(1);
            out.write(calendar.period().ordinal());
            out.writeAsciiWithLength(calendar.zone().getId());
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

        /**
         * A varint length and the text's UTF-8 bytes, for text known to be ASCII (where those bytes are its
         * chars): no array per write. Zone ids are: {@link ZoneId#of} accepts letters, digits and
         * {@code ~/._+-:} only.
         */
        void writeAsciiWithLength(String ascii) {
            writeVarint(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                write(ascii.charAt(i));
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
