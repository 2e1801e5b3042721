package dev.slopipeline.kit.http;

import org.eclipse.jetty.io.Content;

/**
 * Hands a request body's chunks to a sink as they arrive, asking for a thread again only when the next one is there:
 * no thread waits while a client sends slowly.
 */
final class ChunkPump implements Runnable {

    /** Takes one chunk (a failure chunk too), which the pump releases afterwards. */
    @FunctionalInterface
    interface Sink {
        /** @return whether to go on */
        boolean take(Content.Chunk chunk);
    }

    private final Content.Source source;
    private final Sink sink;

    private ChunkPump(Content.Source source, Sink sink) {
        this.source = source;
        this.sink = sink;
    }

    /** Until the last chunk, a failure, or the sink says stop. */
    static void pump(Content.Source source, Sink sink) {
        new ChunkPump(source, sink).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            boolean more;
            try {
                more = sink.take(chunk) && !chunk.isLast() && !Content.Chunk.isFailure(chunk);
            } finally {
                chunk.release();
            }
            if (!more) {
                return;
            }
        }
    }
}
