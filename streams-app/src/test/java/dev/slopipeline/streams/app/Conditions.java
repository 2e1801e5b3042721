package dev.slopipeline.streams.app;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it until a deadline, never by sleeping a guessed time. */
final class Conditions {

    /**
     * A bound, not a wait: generous, because the build runs test classes side by side on a machine that may be busy
     * with other builds, and a child app's JVM took over 30 s to start there.
     */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Conditions() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + DEFAULT_WAIT + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            if (Thread.interrupted()) {
                throw new AssertionError("Interrupted while waiting for " + what);
            }
        }
    }
}
