package dev.slopipeline.streams.replay;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.Punctuator;

/**
 * A replay's wall clock and the wall-clock punctuators scheduled on it. They fire as a Kafka Streams task fires
 * them, so that a replay judges at the very moments the topology would: the first one interval after it was
 * scheduled; when the clock moves, every one that is due, earliest first, once, with the time it moved to; the
 * next one interval on, or, when intervals were skipped, on the first multiple of the interval after now.
 */
final class ReplayClock {

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(Comparator.comparingLong(Scheduled::due));
    private long now;

    ReplayClock(long start) {
        this.now = start;
    }

    long now() {
        return now;
    }

    Cancellable schedule(long interval, Punctuator punctuator) {
        if (interval < 1) {
            throw new IllegalArgumentException("a punctuation interval must be at least 1 ms, got " + interval);
        }
        Scheduled scheduled = new Scheduled(now + interval, interval, punctuator);
        queue.add(scheduled);
        return scheduled;
    }

    /** Moves the clock on to {@code time} (never back) and fires what is due. */
    void advanceTo(long time) {
        now = Math.max(now, time);
        for (Scheduled top = queue.peek(); top != null && top.due <= now; top = queue.peek()) {
            queue.poll();
            if (top.cancelled) {
                continue;
            }
            top.punctuator.punctuate(now);
            // taken out and put back, as Kafka's punctuation queue does, so that equal times fire in the same order
            if (!top.cancelled && top.moveOnFrom(now)) {
                queue.add(top);
            }
        }
    }

    private static final class Scheduled implements Cancellable {
        private final long interval;
        private final Punctuator punctuator;
        private long due;
        private boolean cancelled;

        Scheduled(long due, long interval, Punctuator punctuator) {
            this.due = due;
            this.interval = interval;
            this.punctuator = punctuator;
        }

        long due() {
            return due;
        }

        /** The next firing after {@code time}; false when it would overflow the clock. */
        boolean moveOnFrom(long time) {
            long skipped = time >= due + interval ? (time - due) / interval : 0;
            try {
                due = Math.addExact(due, Math.multiplyExact(skipped + 1, interval));
            } catch (ArithmeticException beyondTheEndOfTime) {
                return false;
            }
            return due > time;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
