package dev.slopipeline.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on conditions with a deadline instead of sleeping a guessed time. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 100 ms until it holds; fails with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** The harness's one way to let time pass (between polls, between kills). */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
