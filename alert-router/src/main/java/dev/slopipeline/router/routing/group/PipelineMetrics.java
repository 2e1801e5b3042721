package dev.slopipeline.router.routing.group;

/** What the notification pipeline counts. Called on the thread that runs the flush. */
public interface PipelineMetrics {

    /** Counts nothing. */
    PipelineMetrics NONE = new PipelineMetrics() {
        @Override
        public void suppressed(String stage, String receiver, int alerts) {
        }

        @Override
        public void notified(String receiver, int alerts) {
        }
    };

    /**
     * A stage held back alerts at one flush: {@code inhibit}, {@code time_mute} and {@code silence} count alerts
     * muted, {@code dedup} alerts the receiver already knows about.
     */
    void suppressed(String stage, String receiver, int alerts);

    /** A flush produced a notification of so many alerts. */
    void notified(String receiver, int alerts);
}
