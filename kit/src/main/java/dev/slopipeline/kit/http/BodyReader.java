package dev.slopipeline.kit.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without holding a thread while the client sends it: each chunk is taken when it arrives, and
 * a thread is asked for again only then. Stops at one byte past the limit, so that a client cannot make the server
 * read an endless body.
 */
final class BodyReader implements Runnable {

    /** The body exceeded the limit; what was read of it is dropped. */
    static final class TooLarge extends RuntimeException {
        TooLarge(int limit) {
            super("the request body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private final Content.Source source;
    private final int limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();

    private BodyReader(Content.Source source, int limit) {
        this.source = source;
        this.limit = limit;
    }

    /** Completes with the body, or fails with {@link TooLarge} or the read's own failure. */
    static CompletableFuture<byte[]> read(Content.Source source, int limit) {
        BodyReader reader = new BodyReader(source, limit);
        reader.run();
        return reader.result;
    }

    @Override
    public void run() {
        while (!result.isDone()) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return;
            }
            try {
                ByteBuffer bytes = chunk.getByteBuffer();
                if (body.size() + bytes.remaining() > limit) {
                    result.completeExceptionally(new TooLarge(limit));
                    return;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.writeBytes(copy);
                if (chunk.isLast()) {
                    result.complete(body.toByteArray());
                }
            } finally {
                chunk.release();
            }
        }
    }
}
