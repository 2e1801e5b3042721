package dev.slopipeline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A webhook receiver on localhost for the router's Alertmanager (version 4) notifications: what a team's pager
 * integration would get. Each notification is kept and handed to a listener (the demo prints it); anything that
 * is not such a notification is answered 400 and ignored.
 */
public final class WebhookSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private final Consumer<Notification> listener;

    /** One alert of a notification. */
    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt,
                        String endsAt) {
    }

    /**
     * One notification as it arrived.
     *
     * @param path      the URL path it was posted to
     * @param ackUrl    where to acknowledge it, when the router says
     */
    public record Notification(String path, String status, String receiver, Map<String, String> groupLabels,
                               Map<String, String> commonLabels, Map<String, String> commonAnnotations,
                               String externalUrl, String ackUrl, List<Alert> alerts) {

        public boolean isFiring() {
            return "firing".equals(status);
        }

        /** A label shared by the group's alerts, else the first alert's. */
        public String label(String name) {
            String common = commonLabels.get(name);
            return common != null || alerts.isEmpty() ? common : alerts.get(0).labels().get(name);
        }

        /** An annotation shared by the group's alerts, else the first alert's. */
        public String annotation(String name) {
            String common = commonAnnotations.get(name);
            return common != null || alerts.isEmpty() ? common : alerts.get(0).annotations().get(name);
        }
    }

    private WebhookSink(HttpServer server, ExecutorService executor, Consumer<Notification> listener) {
        this.server = server;
        this.executor = executor;
        this.listener = listener;
    }

    /**
     * Listens on localhost.
     *
     * @param port 0 picks a free one
     * @throws IOException when the port is taken
     */
    public static WebhookSink start(int port, Consumer<Notification> listener) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slo-demo-webhook-sink");
            thread.setDaemon(true);
            return thread;
        });
        WebhookSink sink = new WebhookSink(server, executor, listener);
        server.createContext("/", sink::handle);
        server.setExecutor(executor);
        server.start();
        return sink;
    }

    /** {@code http://localhost:PORT}; receivers post to any path under it. */
    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Every notification so far, in order of arrival. */
    public List<Notification> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "POST Alertmanager webhook notifications here");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            Notification notification;
            try {
                notification = read(exchange.getRequestURI().getPath(), body);
            } catch (IOException | IllegalArgumentException e) {
                reply(exchange, 400, "not an Alertmanager webhook notification: " + e.getMessage());
                return;
            }
            received.add(notification);
            reply(exchange, 200, "ok");
            listener.accept(notification);
        }
    }

    static Notification read(String path, byte[] body) throws IOException {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("larger than 1 MiB");
        }
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject() || !root.path("alerts").isArray()) {
            throw new IllegalArgumentException("expected an object with an \"alerts\" list");
        }
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode alert : root.path("alerts")) {
            alerts.add(new Alert(alert.path("status").asText(), map(alert.path("labels")), map(alert.path("annotations")),
                    alert.path("startsAt").asText(), alert.path("endsAt").asText()));
        }
        Map<String, String> commonAnnotations = map(root.path("commonAnnotations"));
        String ackUrl = root.hasNonNull("ackURL") ? root.path("ackURL").asText() : commonAnnotations.get("ack_url");
        return new Notification(path, root.path("status").asText(), root.path("receiver").asText(), map(root.path("groupLabels")),
                map(root.path("commonLabels")), commonAnnotations, root.path("externalURL").asText(), ackUrl, alerts);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
