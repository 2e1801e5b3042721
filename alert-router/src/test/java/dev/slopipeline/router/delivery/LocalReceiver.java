package dev.slopipeline.router.delivery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on 127.0.0.1 that records every request and answers from a script: the n-th request gets the
 * n-th reply, the last reply repeats. A reply can hold its answer back until a gate opens, or until the receiver
 * closes, which is how tests make a receiver hang.
 */
public final class LocalReceiver implements AutoCloseable {

    /** Bounds every hold so a forgotten gate cannot stall the build. */
    private static final long MAX_HOLD_SECONDS = 15;

    public record Recorded(String method, String path, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Reply(int status, Map<String, String> headers, String body, CountDownLatch gate, boolean hangs) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "", null, false);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, null, false);
        }

        public static Reply withHeader(int status, String name, String value) {
            return new Reply(status, Map.of(name, value), "", null, false);
        }

        /** Never answers; the handler is released when the receiver closes. */
        public static Reply hanging() {
            return new Reply(0, Map.of(), "", null, true);
        }

        /** Answers {@code then} once {@code gate} opens. */
        public static Reply after(CountDownLatch gate, Reply then) {
            return new Reply(then.status, then.headers, then.body, gate, false);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Reply> script;
    private final List<Recorded> requests = new ArrayList<>();

    private LocalReceiver(List<Reply> script) throws IOException {
        this.script = List.copyOf(script);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public static LocalReceiver answering(Reply... script) {
        try {
            return new LocalReceiver(List.of(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalReceiver answering(int status) {
        return answering(Reply.status(status));
    }

    /** A port nothing listens on, for connection-refused tests. */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI url(String path) {
        return base().resolve(path);
    }

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded onlyRequest() {
        List<Recorded> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.get(0);
    }

    /** Waits, at most {@code timeout}, until {@code count} requests have arrived. */
    public synchronized void awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " requests within " + timeout + ", got "
                        + requests.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Headers headers = new Headers();
        headers.putAll(exchange.getRequestHeaders());
        Reply reply;
        synchronized (this) {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            reply = script.get(Math.min(requests.size(), script.size()) - 1);
            notifyAll();
        }
        try {
            if (reply.hangs() && !closing.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS)
                    || reply.gate() != null && !reply.gate().await(MAX_HOLD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("a held reply was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reply.hangs()) {
            exchange.close();
            return;
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
