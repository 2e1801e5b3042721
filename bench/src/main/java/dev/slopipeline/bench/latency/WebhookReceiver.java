package dev.slopipeline.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A local webhook in Alertmanager's format (the router speaks it too): remembers when the first firing
 * page (label {@code severity="page"}) of each SLO arrived on each path. Tickets are left out: with the
 * same windows they cross long before a page.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    /** path → slo → System.nanoTime() at the first firing notification. */
    private final Map<String, Map<String, Long>> firstFiring = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** When the first firing page of {@code slo} arrived on {@code path} (nanoTime), or null. */
    Long firstFiring(String path, String slo) {
        return firstFiring.getOrDefault(path, Map.of()).get(slo);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            JsonNode payload = json.readTree(body);
            for (JsonNode alert : payload.path("alerts")) {
                String slo = alert.path("labels").path("slo").asText("");
                boolean page = alert.path("labels").path("severity").asText().equals("page");
                if (page && alert.path("status").asText().equals("firing") && !slo.isEmpty()) {
                    firstFiring.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(slo, now);
                }
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
