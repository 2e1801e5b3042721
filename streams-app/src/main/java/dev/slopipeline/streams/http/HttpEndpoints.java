package dev.slopipeline.streams.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP server, on the JDK's own {@link HttpServer}. Serves GET only, refuses oversized requests
 * before any endpoint sees them, answers every failure as JSON, and counts requests per endpoint and status
 * ({@code slo_pipeline_http_requests_total}).
 *
 * <p>Bound by {@link #bind} before it is started, so that the port (0 picks one) is known while the rest of
 * the app is put together: the streams client advertises it to other instances.
 */
public final class HttpEndpoints implements AutoCloseable {

    static final int MAX_URI_LENGTH = 2048;
    static final int MAX_BODY_BYTES = 8192;

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    private static final int THREADS = 4;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final HttpServer server;
    private final ExecutorService executor;
    private final MeterRegistry registry;
    private final Map<String, Endpoint> routes = new LinkedHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean started;

    private HttpEndpoints(HttpServer server, ExecutorService executor, MeterRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
    }

    /** Listens on every interface at {@code port} (0: any free port) but answers nothing until {@link #start()}. */
    public static HttpEndpoints bind(int port, MeterRegistry registry) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            AtomicInteger threads = new AtomicInteger();
            // Several threads, because a status request may wait on another instance's answer.
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "slo-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new HttpEndpoints(server, executor, registry);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for HTTP on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code path} and everything below it ({@code path/...}); the longest matching path wins. */
    public HttpEndpoints route(String path, Endpoint endpoint) {
        routes.put(path, endpoint);
        return this;
    }

    public void start() {
        server.createContext("/", this::exchange);
        server.start();
        started = true;
        LOG.info("HTTP endpoints on port {}: {}", port(), routes.keySet());
    }

    /**
     * Gives requests in flight up to {@link #CLOSE_GRACE} to finish, then stops. The JDK's own
     * {@code stop(delay)} waits out the whole delay even when idle (before JDK 21), hence the count.
     */
    @Override
    public void close() {
        if (!started) {
            // The JDK server releases its socket on its dispatcher thread, which only start() creates: a
            // server closed unstarted (the app failed to start) would keep the port until the JVM exits.
            server.start();
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            answerAndCount(exchange);
        } finally {
            synchronized (inFlight) {
                inFlight.decrementAndGet();
                inFlight.notifyAll();
            }
        }
    }

    private void answerAndCount(HttpExchange exchange) throws IOException {
        String route = "unmatched";
        Reply reply;
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            route = matchingRoute(rawPath);
            reply = answer(exchange, route);
            // counted before the answer leaves, so a client's next scrape already includes it
            Counter.builder("slo.pipeline.http.requests")
                    .description("HTTP requests answered, by endpoint and status")
                    .tag("endpoint", route)
                    .tag("status", String.valueOf(reply.status()))
                    .register(registry)
                    .increment();
            send(exchange, reply);
        } catch (IOException | RuntimeException e) {
            LOG.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    private Reply answer(HttpExchange exchange, String route) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            return Reply.error(405, exchange.getRequestMethod() + " is not supported; only GET").withHeader("Allow", "GET");
        }
        if (exchange.getRequestURI().toString().length() > MAX_URI_LENGTH) {
            return Reply.error(414, "the request URI is longer than " + MAX_URI_LENGTH + " characters");
        }
        if (!bodyFits(exchange.getRequestBody())) {
            return Reply.error(413, "a GET request body must not exceed " + MAX_BODY_BYTES + " bytes");
        }
        Endpoint endpoint = routes.get(route);
        if (endpoint == null) {
            return Reply.error(404, "no endpoint at " + exchange.getRequestURI().getPath() + "; try " + routes.keySet());
        }
        Request request;
        try {
            request = new Request(exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "malformed query: " + e.getMessage());
        }
        try {
            return endpoint.handle(request);
        } catch (RuntimeException e) {
            LOG.error("Endpoint {} failed on {}", route, exchange.getRequestURI(), e);
            return Reply.error(500, "internal error: " + e.getMessage());
        }
    }

    private String matchingRoute(String rawPath) {
        return routes.keySet().stream()
                .filter(path -> rawPath.equals(path) || rawPath.startsWith(path + "/"))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElse("unmatched");
    }

    /** Reads at most one byte past the limit, so a client cannot make the server read an endless body. */
    private static boolean bodyFits(InputStream body) throws IOException {
        return body.readNBytes(MAX_BODY_BYTES + 1).length <= MAX_BODY_BYTES;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
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
