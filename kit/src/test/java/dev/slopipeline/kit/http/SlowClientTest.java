package dev.slopipeline.kit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that send or read one byte at a time, and more of them than the server has threads: they must not delay
 * {@code /healthz} or the API, and each is cut off once its limit passes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SlowClientTest {

    private static final Duration READ_LIMIT = Duration.ofSeconds(4);
    private static final Duration WRITE_LIMIT = Duration.ofSeconds(1);
    private static final int WORKERS = 2;
    /** More than the workers, and more than the server's own threads. */
    private static final int SLOW_CLIENTS = 24;
    private static final int LARGE_BODY = 32 * 1024 * 1024;
    /** A request line and a header longer than any slow client gets to send before its limit. */
    private static final String TRICKLED = "GET /api/v1/things HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
            + "x".repeat(4000) + "\r\n\r\n";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<RawConnection> slow = new ArrayList<>();
    private WebServer server;

    private void start(Limits limits) {
        server = WebServer.bind("127.0.0.1", 0, limits, "slow-client-test");
        server.start(new Routes()
                .probe("/healthz", request -> Reply.json(200, Json.object().put("status", "alive")))
                .get("/api/v1/things", request -> Reply.json(200, Json.object().putArray("things")))
                .post("/api/v1/things", request -> Reply.json(202, Json.object().put("bytes", request.body().length)))
                .get("/large", request -> new Reply(200, "application/octet-stream", new byte[LARGE_BODY], java.util.Map.of())));
    }

    private static Limits limits(int maxConnections) {
        return new Limits(READ_LIMIT, WRITE_LIMIT, Duration.ofSeconds(30), maxConnections, 64 * 1024, 2048, WORKERS);
    }

    @AfterEach
    void stop() throws IOException {
        for (RawConnection connection : slow) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerProbesAndTheApiWhileSlowClientsTrickleTheirHeadersThenCloseThem() throws Exception {
        start(limits(256));
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            connect();
        }
        CountDownLatch everyClientSentBytes = new CountDownLatch(3);
        long firstByte = System.nanoTime();
        try (AutoCloseable trickling = trickle(slow, TRICKLED, everyClientSentBytes)) {
            assertThat(everyClientSentBytes.await(10, TimeUnit.SECONDS)).isTrue();

            // answered within the read limit, so while every slow client still holds its connection
            HttpResponse<String> health = get("/healthz", READ_LIMIT);
            HttpResponse<String> api = get("/api/v1/things", READ_LIMIT);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"alive\"}");
            assertThat(api.statusCode()).isEqualTo(200);

            List<CompletableFuture<byte[]>> closed = new ArrayList<>();
            for (RawConnection connection : slow) {
                closed.add(CompletableFuture.supplyAsync(() -> readUntilClosed(connection)));
            }
            for (CompletableFuture<byte[]> answer : closed) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).as("what a slow client got before being closed").isEmpty();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - firstByte)).isGreaterThanOrEqualTo(READ_LIMIT);
        }
    }

    @Test
    void shouldAnswer408ToABodyThatTricklesPastTheReadLimit() throws Exception {
        start(limits(256));
        RawConnection connection = connect();
        connection.send("POST /api/v1/things HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4000\r\n\r\n");

        String answer;
        try (AutoCloseable trickling = trickle(List.of(connection), "x".repeat(4000), new CountDownLatch(0))) {
            answer = new String(connection.readUntilClosed(Duration.ofSeconds(30)), StandardCharsets.ISO_8859_1);
        }

        assertThat(answer).startsWith("HTTP/1.1 408 ").contains("\"error\":\"the request body did not arrive within");
    }

    @Test
    void shouldCloseAConnectionThatTakesTooLongToReadItsResponse() throws Exception {
        start(limits(256));
        RawConnection reader = RawConnection.openUnreading(server.port());
        slow.add(reader);
        reader.send("GET /large HTTP/1.1\r\nHost: localhost\r\n\r\n");

        long received = readSlowly(reader);

        assertThat(received).as("bytes of a %d-byte response read before the server gave up", LARGE_BODY)
                .isLessThan(LARGE_BODY / 2);
        assertThat(get("/healthz", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldHoldNewConnectionsBackWhileTheCapIsReached() throws Exception {
        start(limits(4));
        for (int i = 0; i < 4; i++) {
            connect().send("G");
        }

        assertThatThrownBy(() -> get("/healthz", Duration.ofSeconds(1))).isInstanceOf(HttpTimeoutException.class);

        slow.remove(0).close();
        assertThat(get("/healthz", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    private RawConnection connect() throws IOException {
        RawConnection connection = RawConnection.open(server.port());
        slow.add(connection);
        return connection;
    }

    /**
     * Sends {@code text} to each connection one byte at a time, round after round, counting down {@code rounds} after
     * each of the first rounds, until closed or every connection refuses more.
     */
    private static AutoCloseable trickle(List<RawConnection> connections, String text, CountDownLatch rounds) {
        Thread thread = new Thread(() -> {
            for (int i = 0; i < text.length() && !Thread.currentThread().isInterrupted(); i++) {
                boolean anyOpen = false;
                for (RawConnection connection : connections) {
                    try {
                        connection.send(text.substring(i, i + 1));
                        anyOpen = true;
                    } catch (IOException closed) {
                        // the server cut this one off; the others go on
                    }
                }
                rounds.countDown();
                if (!anyOpen) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickler");
        thread.setDaemon(true);
        thread.start();
        return thread::interrupt;
    }

    /** Reads 1 KiB every 50 ms until the server closes the connection; the bytes read. */
    private static long readSlowly(RawConnection connection) throws Exception {
        long total = 0;
        for (int read = connection.readSome(1024, Duration.ofSeconds(30)); read >= 0;
             read = connection.readSome(1024, Duration.ofSeconds(30))) {
            total += read;
            Thread.sleep(50);
        }
        return total;
    }

    private static byte[] readUntilClosed(RawConnection connection) {
        try {
            return connection.readUntilClosed(Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new IllegalStateException("the slow client was not closed: " + e, e);
        }
    }

    private HttpResponse<String> get(String path, Duration timeout) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }
}
