package dev.slopipeline.kit.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads and drops the rest of a body the server has refused (413), after the refusal is sent. A server that closed
 * at once would reset a client still sending, and the client would see a broken connection instead of the 413. So
 * much as {@link #LIMIT} is dropped, and only until the request's read limit: a client that sends more or longer is
 * cut off.
 */
final class BodyDrain {

    static final long LIMIT = 4L * 1024 * 1024;

    private BodyDrain() {
    }

    /** Drops what {@code source} still sends for up to {@code nanos}, then runs {@code then}, once. */
    static void drain(Content.Source source, Scheduler scheduler, long nanos, Runnable then) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                then.run();
            }
        };
        Scheduler.Task deadline = scheduler.schedule(finish, nanos, TimeUnit.NANOSECONDS);
        long[] dropped = {0};
        ChunkPump.pump(source, chunk -> {
            dropped[0] += chunk.remaining();
            boolean enough = chunk.isLast() || Content.Chunk.isFailure(chunk) || dropped[0] > LIMIT || done.get();
            if (enough) {
                deadline.cancel();
                finish.run();
            }
            return !enough;
        });
    }
}
