package dev.slopipeline.streams.window;

import java.time.Instant;

/** What became of an event handed to {@link SloWindows#record}. */
public sealed interface Recorded permits Recorded.Accepted, Recorded.Late {

    /** Counted in its minute and in every window covering that minute. */
    record Accepted() implements Recorded {
    }

    /**
     * Not counted: its minute is further behind the watermark than the grace allows. The caller counts
     * and reports it; the windows are unchanged.
     *
     * @param oldestAccepted the start of the oldest minute that was still open
     */
    record Late(Instant eventTime, Instant oldestAccepted) implements Recorded {
    }
}
