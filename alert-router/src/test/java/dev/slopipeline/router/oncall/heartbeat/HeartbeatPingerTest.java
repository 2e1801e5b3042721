package dev.slopipeline.router.oncall.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router's own heartbeat reaches a local HTTP server while the router is healthy, and stops when it is not. */
class HeartbeatPingerTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ping/secret-id", exchange -> {
            received.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldPostTheHeartbeatOnlyWhileHealthy() {
        AtomicBoolean healthy = new AtomicBoolean(true);
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ping/secret-id");
        try (HeartbeatPinger pinger = HeartbeatPinger.start(url, Duration.ofMillis(50), "router-1", healthy::get, clock)) {
            awaitAtLeast(2);
            assertThat(received.get(0)).isEqualTo("POST {\"source\":\"alert-router\",\"instance\":\"router-1\","
                    + "\"at\":\"2026-11-23T10:00:00Z\",\"state\":\"RUNNING\"}");
            healthy.set(false);
            int whenUnhealthy = received.size();
            long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
            while (System.nanoTime() < end) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            // one ping may have been under way when health changed
            assertThat(received.size()).isLessThanOrEqualTo(whenUnhealthy + 1);
        }
    }

    private void awaitAtLeast(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < count) {
            assertThat(System.nanoTime()).as("waiting for %d pings", count).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }
}
