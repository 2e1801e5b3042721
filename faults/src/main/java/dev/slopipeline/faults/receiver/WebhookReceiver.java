package dev.slopipeline.faults.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real local webhook receiver that misbehaves on demand: it refuses with 503, drops every k-th request
 * without an answer, or hangs past the sender's timeout. It records every request, recomputes each
 * {@code X-Slo-Signature} with the shared secret, and counts per {@code Idempotency-Key} how often it
 * answered 2xx: a key answered twice is a doubled notification.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How the receiver answers, switchable while it runs. */
    public enum Mode { ACCEPT, REFUSE, HANG }

    /** One request as received, and what became of it; {@code groupKey} is the router's, as the message names it. */
    public record Received(Instant at, String path, String idempotencyKey, String groupKey, String status, List<Page> alerts,
                           boolean signed, boolean signatureValid, int answer) {
        public boolean delivered() {
            return answer >= 200 && answer < 300;
        }
    }

    /**
     * One alert inside a webhook message, with the path it was posted to; {@code oncallUser} and
     * {@code oncallReason} are set on an escalation's notification of one person.
     */
    public record Page(String path, String slo, String severity, String status, String oncallUser, String oncallReason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] secret;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile int dropEvery;
    private volatile Duration hang = Duration.ofSeconds(12);

    private WebhookReceiver(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Listens on a free local port; {@code secret} verifies signatures (null: none expected). */
    public static WebhookReceiver start(String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server, secret);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return receiver;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void mode(Mode newMode) {
        mode = newMode;
    }

    /** Every k-th request gets no answer at all (the connection is closed); 0 for none. */
    public void dropEvery(int k) {
        dropEvery = k;
    }

    /** How long a request hangs in {@link Mode#HANG} before the connection is closed without an answer. */
    public void hangFor(Duration duration) {
        hang = duration;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Answers 2xx per idempotency key. */
    public synchronized Map<String, Integer> deliveriesByKey() {
        Map<String, Integer> byKey = new HashMap<>();
        received.stream().filter(Received::delivered).forEach(r -> byKey.merge(r.idempotencyKey(), 1, Integer::sum));
        return byKey;
    }

    /** Keys answered 2xx more than once. */
    public synchronized List<String> duplicatedKeys() {
        return deliveriesByKey().entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Delivered (2xx) page alerts in the given state, one entry per message and alert. */
    public synchronized List<Page> deliveredPages(String state) {
        return received.stream().filter(Received::delivered).flatMap(r -> r.alerts().stream())
                .filter(p -> p.severity().equals("page") && p.status().equals(state)).toList();
    }

    /** Delivered (2xx) page alerts in the given state posted to {@code path}. */
    public synchronized List<Page> deliveredPages(String path, String state) {
        return deliveredPages(state).stream().filter(p -> p.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int number = requestCount.incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String signature = exchange.getRequestHeaders().getFirst("X-Slo-Signature");
            int k = dropEvery;
            Mode now = mode;
            int answer;
            if (k > 0 && number % k == 0) {
                answer = 0; // closed without an answer
            } else if (now == Mode.HANG) {
                pause(hang);
                answer = 0;
            } else if (now == Mode.REFUSE) {
                answer = 503;
            } else {
                answer = 200;
            }
            if (answer > 0) {
                byte[] reply = (answer == 200 ? "{}" : "{\"error\":\"unavailable\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, reply.length);
                exchange.getResponseBody().write(reply);
            }
            String path = exchange.getRequestURI().getPath();
            record(new Received(Instant.now(), path, key, text(body, "groupKey"), text(body, "status"), pages(path, body),
                    signature != null, signature != null && verifies(signature, body), answer));
        }
    }

    private synchronized void record(Received request) {
        received.add(request);
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, recomputed here. */
    private boolean verifies(String header, byte[] body) {
        if (secret == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(byte[] body, String field) {
        try {
            return JSON.readTree(body).path(field).asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<Page> pages(String path, byte[] body) {
        List<Page> pages = new ArrayList<>();
        try {
            for (JsonNode alert : JSON.readTree(body).path("alerts")) {
                JsonNode labels = alert.path("labels");
                pages.add(new Page(path, labels.path("slo").asText(), labels.path("severity").asText(), alert.path("status").asText(),
                        labels.path("oncall_user").asText(), alert.path("annotations").path("oncall_reason").asText()));
            }
        } catch (IOException e) {
            // not a webhook message: recorded without alerts
        }
        return pages;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
