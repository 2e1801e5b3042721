package dev.slopipeline.bench.latency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a service instrumented for Prometheus would expose for the same traffic: a request counter and
 * an error counter per SLO, on {@code /metrics} in the text format.
 */
final class CounterExporter implements AutoCloseable {

    static final String REQUESTS = "bench_requests_total";
    static final String ERRORS = "bench_request_errors_total";

    private final HttpServer server;
    private final String[] slos;
    private final AtomicLongArray requests;
    private final AtomicLongArray errors;

    CounterExporter(String[] slos) throws IOException {
        this.slos = slos.clone();
        this.requests = new AtomicLongArray(slos.length);
        this.errors = new AtomicLongArray(slos.length);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/metrics", this::scrape);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void count(int slo, boolean error) {
        requests.incrementAndGet(slo);
        if (error) {
            errors.incrementAndGet(slo);
        }
    }

    private void scrape(HttpExchange exchange) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE ").append(REQUESTS).append(" counter\n");
        for (int i = 0; i < slos.length; i++) {
            out.append(REQUESTS).append("{slo=\"").append(slos[i]).append("\"} ").append(requests.get(i)).append('\n');
        }
        out.append("# TYPE ").append(ERRORS).append(" counter\n");
        for (int i = 0; i < slos.length; i++) {
            out.append(ERRORS).append("{slo=\"").append(slos[i]).append("\"} ").append(errors.get(i)).append('\n');
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
