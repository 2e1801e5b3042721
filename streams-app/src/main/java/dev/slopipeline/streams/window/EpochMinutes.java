package dev.slopipeline.streams.window;

import java.time.Instant;

/** Event time in whole minutes since the epoch, the resolution of every window. */
final class EpochMinutes {

    private static final long MILLIS_PER_MINUTE = 60_000;

    private EpochMinutes() {
    }

    /** The minute containing the instant: floor(epochMillis / 60 000), also before 1970. */
    static long of(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), MILLIS_PER_MINUTE);
    }

    static Instant start(long minute) {
        return Instant.ofEpochMilli(minute * MILLIS_PER_MINUTE);
    }

    /** The first minute of the {@code granularity}-minute bucket holding {@code minute}, buckets aligned to the epoch. */
    static long alignDown(long minute, int granularity) {
        return Math.floorDiv(minute, granularity) * granularity;
    }
}
