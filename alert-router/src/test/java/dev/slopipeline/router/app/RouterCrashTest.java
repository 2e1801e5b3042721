package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.LocalReceiver.Recorded;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router as a real process, killed with SIGKILL at the two worst moments: while a group waits out group_wait
 * (its alert consumed, nothing sent), and while a notification is on its way to the receiver (intent written,
 * outcome not). After each restart the receiver must get every notification, and accept each idempotency key once.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RouterCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String APP_ID = SharedKafka.unique("router-crash-test");
    private static final String SUFFIX = SharedKafka.unique(".crash");

    @TempDir
    Path folder;

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    private final HttpClient http = HttpClient.newHttpClient();
    private Process router;

    @AfterEach
    void killRouter() {
        if (router != null) {
            router.destroyForcibly();
        }
    }

    @Test
    void shouldDeliverEveryNotificationOnceAcrossKillsWhileAGroupWaitsAndWhileDelivering() throws Exception {
        CountDownLatch releaseHeldAnswer = new CountDownLatch(1);
        try (LocalReceiver receiver = LocalReceiver.answering(LocalReceiver.Reply.status(200),
                     LocalReceiver.Reply.after(releaseHeldAnswer, LocalReceiver.Reply.status(200)),
                     LocalReceiver.Reply.status(200))) {
            Path config = folder.resolve("router.yml");
            Files.writeString(config, """
                    route:
                      receiver: pager
                      group_by: [slo]
                      group_wait: 5s
                      group_interval: 1m
                      repeat_interval: 1h
                    receivers:
                    - name: pager
                      webhook_configs: [{url: '%s'}]
                    delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 1s}
                    """.formatted(receiver.url("/hook")));
            String alerts = RouterTopics.withSuffix(SUFFIX).alerts();

            // 1. Killed while the checkout group waits out its group_wait.
            int port = startRouter(config, SUFFIX, 1);
            send(alerts, "checkout-availability", "storefront");
            await("the checkout alert consumed into its group", () -> committed(SUFFIX, alerts) == 1);
            kill();
            assertThat(receiver.requests()).as("killed before group_wait ended").isEmpty();
            port = startRouter(config, SUFFIX, 1);
            receiver.awaitRequests(1, WAIT);

            // 2. Killed while the search notification is on its way: the receiver holds its answer until then.
            send(alerts, "search-latency", "storefront");
            receiver.awaitRequests(2, WAIT);
            kill();
            releaseHeldAnswer.countDown();
            port = startRouter(config, SUFFIX, 1);
            receiver.awaitRequests(3, WAIT);
            int livePort = port;
            await("nothing left pending", () -> pendingIsEmpty(livePort));

            List<Recorded> requests = receiver.requests();
            Map<String, List<String>> slosByKey = requests.stream().collect(Collectors.groupingBy(
                    request -> request.header("Idempotency-Key"),
                    Collectors.mapping(request -> slo(request), Collectors.toList())));
            assertThat(slosByKey).as("one key per notification").hasSize(2);
            assertThat(slosByKey.values()).containsExactlyInAnyOrder(
                    List.of("checkout-availability"),
                    // The first attempt's answer never reached the killed router; the restart retried the same key.
                    List.of("search-latency", "search-latency"));
            assertThat(requests.get(1).header("Idempotency-Key")).isEqualTo(requests.get(2).header("Idempotency-Key"));
        }
    }

    @Test
    void shouldDeliverAGroupSpanningPartitionsOnceWhenKilledWhileItWaits() throws Exception {
        String suffix = SharedKafka.unique(".crash-spanning");
        List<String> slos = List.of("checkout-availability", "search-latency", "cart-latency");
        assertThat(slos.stream().map(slo -> Utils.toPositive(Utils.murmur2(slo.getBytes(StandardCharsets.UTF_8))) % 3)
                .distinct().count()).as("the SLOs sit on different partitions of slo.alerts").isEqualTo(3);
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            Path config = folder.resolve("router-spanning.yml");
            Files.writeString(config, """
                    route:
                      receiver: pager
                      group_by: [service]
                      group_wait: 5s
                      group_interval: 1m
                      repeat_interval: 1h
                    receivers:
                    - name: pager
                      webhook_configs: [{url: '%s'}]
                    """.formatted(receiver.url("/hook")));
            RouterTopics topics = RouterTopics.withSuffix(suffix);

            int port = startRouter(config, suffix, 3);
            for (String slo : slos) {
                send(topics.alerts(), slo, "shop");
            }
            await("the three alerts consumed into their group",
                    () -> committed(suffix, topics.alerts()) == 3 && endOffset(topics.groups()) > 0
                            && committed(suffix, topics.groups()) == endOffset(topics.groups()));
            kill();
            assertThat(receiver.requests()).as("killed before group_wait ended").isEmpty();
            port = startRouter(config, suffix, 3);
            receiver.awaitRequests(1, WAIT);
            int livePort = port;
            await("nothing left pending", () -> pendingIsEmpty(livePort));

            assertThat(receiver.requests()).as("one notification for the group").singleElement().satisfies(request -> {
                for (String slo : slos) {
                    assertThat(request.bodyText()).contains("\"slo\":\"" + slo + "\"");
                }
            });
        }
    }

    private int startRouter(Path config, String suffix, int partitions) throws IOException, InterruptedException {
        Path portFile = folder.resolve("port");
        Files.deleteIfExists(portFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        router = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RouterProcess.class.getName(),
                broker.bootstrapServers(), config.toString(), folder.resolve("state").toString(), APP_ID + suffix,
                suffix, portFile.toString(), Integer.toString(partitions))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("router.log").toFile()))
                .start();
        await("the router process to start", () -> Files.exists(portFile) || !router.isAlive());
        assertThat(router.isAlive()).as("router process log:%n%s", log()).isTrue();
        int port = Integer.parseInt(Files.readString(portFile).trim());
        await("the router ready", () -> ready(port));
        return port;
    }

    private void kill() throws InterruptedException {
        router.destroyForcibly();
        assertThat(router.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("router.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void send(String topic, String slo, String service) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alert alert = new Alert(Alert.id(slo, Severity.PAGE, now), slo, service, "checkout", Severity.PAGE,
                AlertState.FIRING, now, now, new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)),
                new Alert.BurnRate(20.1, 35.2), 14.4, List.of("page-fast"), 0.83, null, Map.of(), Map.of(), List.of(),
                List.of());
        broker.send(topic, alert);
    }

    /** The committed offsets of the router with topic suffix {@code suffix} on a topic, summed over its partitions. */
    private static long committed(String suffix, String topic) {
        return broker.committed(APP_ID + suffix, topic).orElse(0);
    }

    /** The end of a topic, summed over its partitions: transaction markers count, as they do in committed offsets. */
    private static long endOffset(String topic) {
        try {
            Admin admin = broker.admin();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(topic, info.partition()),
                            info -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String slo(Recorded request) {
        String body = request.bodyText();
        return body.contains("\"slo\":\"checkout-availability\"") ? "checkout-availability"
                : body.contains("\"slo\":\"search-latency\"") ? "search-latency" : body;
    }

    private boolean ready(int port) {
        return get(port, "/readyz").statusCode() == 200;
    }

    private boolean pendingIsEmpty(int port) {
        HttpResponse<String> pending = get(port, PendingDeliveries.PATH);
        return pending.statusCode() == 200 && pending.body().contains("\"pending\":[]");
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s; router log:%n%s", what, log()).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
