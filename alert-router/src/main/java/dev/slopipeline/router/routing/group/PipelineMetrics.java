package dev.slopipeline.router.routing.group;

import java.util.List;

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

    /**
     * These stages and receivers exist: counts that start at zero are exported from now on, so that a dashboard
     * shows 0 rather than no data before the first alert is held back or notified.
     */
    default void expect(List<String> stages, List<String> receivers) {
    }
}
