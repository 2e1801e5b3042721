package dev.slopipeline.deploy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting on a condition rather than for a fixed time, for the tests that run the pipeline. */
public final class Await {

    private Await() {
    }

    /** The first value that is {@code done}, asked for every 200 ms; fails with the last one after {@code timeout}. */
    public static <T> T until(Duration timeout, Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + current);
            }
            TimeUnit.MILLISECONDS.sleep(200);
            current = value.get();
        }
        return current;
    }
}
