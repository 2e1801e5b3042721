package dev.slopipeline.streams.window;

import dev.slopipeline.definitions.model.SloWindow;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The state-store bytes of {@link SloWindows}. Counts are unsigned varints (7 bits a byte), so quiet
 * buckets cost one byte each; positions are not stored, they follow from the watermark and the plan.
 *
 * <pre>
 * version 1:
 *   byte 1
 *   plan:  unit (byte 0 events | byte 1 minutes, double sliceTarget), varint grace minutes,
 *          varint window count, varint minutes per window,
 *          budget (byte 0 rolling, varint minutes | byte 1 calendar, byte period, varint length + UTF-8 zone id)
 *   long latest epoch millis
 *   every ring, finest first, live buckets oldest first: tally
 *   every rolling window's sum, shortest first: tally; then the calendar sum if any: tally
 *   tally = varint good, varint bad, varint (events - good - bad)   (never negative: a unit has an event)
 * </pre>
 */
final class SloWindowsCodec {

    static final byte VERSION = 1;

    private SloWindowsCodec() {
    }

    static byte[] encode(SloWindows state) {
        Writer out = new Writer();
        out.buffer.write(VERSION);
        writePlan(out, state.plan());
        out.writeFixedLong(state.latest().toEpochMilli());
        for (BucketRing ring : state.rings()) {
            for (long minute = ring.oldestMinute(); minute <= state.watermark(); minute += ring.granularity()) {
                out.writeTally(ring.get(minute));
            }
        }
        for (SlidingSum window : state.slidingSums()) {
            out.writeTally(window.sum());
        }
        state.calendarSum().ifPresent(calendar -> out.writeTally(calendar.sum()));
        return out.buffer.toByteArray();
    }

    static SloWindows decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("window state has version " + version + "; this build reads version " + VERSION);
            }
            WindowPlan plan = readPlan(in);
            SloWindows state = SloWindows.restore(plan, Instant.ofEpochMilli(in.getLong()));
            for (BucketRing ring : state.rings()) {
                for (long minute = ring.oldestMinute(); minute <= state.watermark(); minute += ring.granularity()) {
                    ring.set(minute, readTally(in));
                }
            }
            for (SlidingSum window : state.slidingSums()) {
                window.restore(readTally(in));
            }
            state.calendarSum().ifPresent(calendar -> calendar.restore(readTally(in)));
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("window state has " + in.remaining() + " unexpected trailing bytes");
            }
            return state;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("window state is truncated (" + bytes.length + " bytes)", e);
        }
    }

    private static void writePlan(Writer out, WindowPlan plan) {
        if (plan.unit() instanceof SliUnit.Minutes minutes) {
            out.buffer.write(1);
            out.writeFixedLong(Double.doubleToLongBits(minutes.sliceTarget()));
        } else {
            out.buffer.write(0);
        }
        out.writeVarint(plan.graceMinutes());
        out.writeVarint(plan.rollingWindows().size());
        for (Duration window : plan.rollingWindows()) {
            out.writeVarint(window.toMinutes());
        }
        if (plan.budgetWindow() instanceof SloWindow.Calendar calendar) {
            out.buffer.write(1);
            out.buffer.write(calendar.period().ordinal());
            byte[] zone = calendar.zone().getId().getBytes(StandardCharsets.UTF_8);
            out.writeVarint(zone.length);
            out.buffer.writeBytes(zone);
        } else {
            out.buffer.write(0);
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

    private static final class Writer {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);

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
                buffer.write((int) (rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            buffer.write((int) rest);
        }

        void writeFixedLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer.write((int) (value >>> shift));
            }
        }
    }
}
