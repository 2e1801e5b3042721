package dev.slopipeline.streams.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How far a long replay has come, told every few seconds: events replayed of those read, the rate since the
 * replay started, the event time reached. Off unless asked for, so that the summary stays the only text of a
 * replay whose output is read by a program.
 */
final class ReplayProgress {

    static final Duration EVERY = Duration.ofSeconds(3);
    /** Reading the clock once per event would cost more than telling the time is worth. */
    private static final int CLOCK_EVERY = 256;

    private final PrintStream out;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long nextNanos;

    private ReplayProgress(PrintStream out, long total, Duration interval, LongSupplier nanoClock) {
        this.out = out;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.nextNanos = startNanos + intervalNanos;
    }

    /** Tells nothing. */
    static ReplayProgress silent() {
        return new ReplayProgress(null, 0, Duration.ZERO, () -> 0);
    }

    static ReplayProgress on(PrintStream out, long total) {
        return on(out, total, EVERY, System::nanoTime);
    }

    static ReplayProgress on(PrintStream out, long total, Duration interval, LongSupplier nanoClock) {
        return new ReplayProgress(out, total, interval, nanoClock);
    }

    /** After the {@code done}-th event (counting from one), whose time is {@code eventTime}. */
    void replayed(long done, long eventTime) {
        if (out == null || done % CLOCK_EVERY != 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now < nextNanos) {
            return;
        }
        nextNanos = now + intervalNanos;
        double seconds = Math.max(now - startNanos, 1) / 1e9;
        out.printf(Locale.ROOT, "replay: %,d of %,d events, %,.0f events/s, event time %s%n", done, total, done / seconds,
                Instant.ofEpochMilli(eventTime));
    }
}
