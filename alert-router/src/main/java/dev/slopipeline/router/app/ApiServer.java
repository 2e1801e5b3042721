package dev.slopipeline.router.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's HTTP server on the JDK's {@link HttpServer}: routes by method and path, reads bodies only up to
 * {@link #MAX_BODY_BYTES}, answers every failure as JSON. A route ending in {@code /} serves every path below it
 * (its handler reads the rest, an id for instance).
 *
 * <p>Bound before it starts, so that the port (0 picks one) is known while the rest of the app is put together.
 */
final class ApiServer implements AutoCloseable {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int THREADS = 4;

    @FunctionalInterface
    interface Handler {
        Reply handle(ApiRequest request);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
    private boolean started;

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ApiServer bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            AtomicInteger threads = new AtomicInteger();
            // Several threads: a write waits for the broker to acknowledge its command.
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "router-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new ApiServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP on port " + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    ApiServer route(String method, String path, Handler handler) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    void start() {
        server.createContext("/", this::exchange);
        server.start();
        started = true;
        LOG.info("router HTTP API on port {}: {}", port(), routes.keySet());
    }

    @Override
    public void close() {
        if (!started) {
            // The JDK server releases its socket on its dispatcher thread, which only start() creates: a server
            // closed unstarted (the router failed to start) would hold the port until the JVM exits.
            server.start();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, answer(exchange));
        } catch (IOException | RuntimeException e) {
            LOG.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        // A route ending in "/" serves what is below it, never itself: DELETE /api/v1/silences/ names no silence.
        Map<String, Handler> byMethod = path.endsWith("/") ? null : routes.get(path);
        if (byMethod == null) {
            byMethod = routes.entrySet().stream()
                    .filter(route -> route.getKey().endsWith("/") && path.startsWith(route.getKey())
                            && path.length() > route.getKey().length())
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (byMethod == null) {
            return Reply.error(404, "no endpoint at " + path + "; the API serves " + routes.keySet());
        }
        Handler handler = byMethod.get(exchange.getRequestMethod());
        if (handler == null) {
            String allowed = String.join(", ", new TreeSet<>(byMethod.keySet()));
            return Reply.error(405, exchange.getRequestMethod() + " is not supported at " + path + "; use " + allowed)
                    .withHeader("Allow", allowed);
        }
        // Reads one byte past the limit, so a client cannot make the server read an endless body.
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return Reply.error(413, "the request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        ApiRequest request = new ApiRequest(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body, exchange.getRequestURI().getRawQuery());
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), path, e);
            return Reply.error(500, "internal error: " + e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
