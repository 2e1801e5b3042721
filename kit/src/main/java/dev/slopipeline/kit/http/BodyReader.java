package dev.slopipeline.kit.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without holding a thread while the client sends it. Stops at the first chunk past the limit,
 * so that a client cannot make the server read an endless body.
 */
final class BodyReader {

    /** The body exceeded the limit; what was read of it is dropped. */
    static final class TooLarge extends RuntimeException {
        TooLarge(int limit) {
            super("the request body exceeds " + limit + " bytes", null, false, false);
        }
    }

    private BodyReader() {
    }

    /** Completes with the body, or fails with {@link TooLarge} or the read's own failure. */
    static CompletableFuture<byte[]> read(Content.Source source, int limit) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ChunkPump.pump(source, chunk -> {
            if (result.isDone()) {
                // timed out meanwhile: nobody waits for the rest
                return false;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return false;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            if (body.size() + bytes.remaining() > limit) {
                result.completeExceptionally(new TooLarge(limit));
                return false;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            body.writeBytes(copy);
            if (chunk.isLast()) {
                result.complete(body.toByteArray());
                return false;
            }
            return true;
        });
        return result;
    }
}
