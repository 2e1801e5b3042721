package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.event.RequestEvent;

/**
 * The streams topology as a replay drives it: one recorded event at a time, on a wall clock the replay moves;
 * alert transitions come out, in order, as they are published (the value bytes of {@code slo.alerts}).
 */
interface ReplayedTopology extends AutoCloseable {

    /** @param decoded the value as the codec decodes it, or null when the codec refuses it */
    void request(byte[] value, RequestEvent decoded, long timestamp);

    void health(byte[] value, long timestamp);

    /** Moves the wall clock on, firing the punctuators that come due. */
    void advanceWallClock(long millis);

    @Override
    void close();
}
