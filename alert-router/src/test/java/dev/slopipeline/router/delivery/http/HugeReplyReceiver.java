package dev.slopipeline.router.delivery.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP receiver on 127.0.0.1 that answers one request with a status and a body of {@link #BODY_BYTES}, streamed
 * in chunks, and records how much of it the client took before closing the connection.
 */
final class HugeReplyReceiver implements AutoCloseable {

    static final long BODY_BYTES = 50L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newSingleThreadExecutor();
    private final int status;
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch answered = new CountDownLatch(1);
    private volatile boolean cutOff;

    HugeReplyReceiver(int status) {
        this.status = status;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Waits, at most {@code timeout}, until the reply was written whole or the client closed the connection. */
    void awaitAnswered(Duration timeout) throws InterruptedException {
        if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the reply was neither written whole nor cut off within " + timeout);
        }
    }

    /** Whether the client closed the connection before the whole body was written. */
    boolean cutOff() {
        return cutOff;
    }

    long written() {
        return written.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
        try {
            exchange.sendResponseHeaders(status, 0); // chunked: the client cannot know the size in advance
            OutputStream body = exchange.getResponseBody();
            while (written.get() < BODY_BYTES) {
                body.write(chunk);
                written.addAndGet(chunk.length);
            }
            body.close();
        } catch (IOException closedByTheClient) {
            cutOff = true;
        } finally {
            answered.countDown();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
