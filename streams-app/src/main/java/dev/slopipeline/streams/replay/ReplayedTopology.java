package dev.slopipeline.streams.replay;

/**
 * The streams topology as a replay drives it: one recorded event at a time, on a wall clock the replay moves;
 * alert transitions come out, in order, as they are published (the value bytes of {@code slo.alerts}).
 */
interface ReplayedTopology extends AutoCloseable {

    void request(byte[] value, long timestamp);

    void health(byte[] value, long timestamp);

    /** Moves the wall clock on, firing the punctuators that come due. */
    void advanceWallClock(long millis);

    @Override
    void close();
}
