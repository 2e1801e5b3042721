package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.SloAlertFixtures;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.LocalReceiver.Recorded;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups and inhibition that span SLOs on different partitions of {@code slo.alerts}: whatever the partition count,
 * a receiver gets what Alertmanager would send, one notification per group and flush.
 *
 * <p>A group of alerts sent at once has a {@code group_wait} of 5 s: every alert must reach its group through the
 * router's repartition before the first flush, or the group is told twice; 2 s was not always enough on a busy
 * build machine.
 */
@Tag("integration")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CrossPartitionGroupingTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path stateDir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldSendOneNotificationForSixSlosOfOneServiceSpreadOverThreePartitions() throws Exception {
        List<String> slos = List.of("a", "b", "c", "d", "e", "f").stream().map(j -> "shop-" + j).toList();
        assertThat(partitionsOf(slos, 3)).as("the six SLOs sit on several partitions of slo.alerts").hasSizeGreaterThan(1);
        String config = """
                route: {receiver: sink, group_by: [service], group_wait: 5s, group_interval: 5s, repeat_interval: 1h}
                receivers:
                - name: sink
                  webhook_configs: [{url: '%s', send_resolved: true}]
                """;
        try (LocalReceiver hook = LocalReceiver.answering(200);
             Running router = start(config.formatted(hook.url("/hook")), 3)) {
            // started now: an alert that started more than group_wait ago would flush its group at once
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (String slo : slos) {
                router.send(alert(slo, "shop", Severity.PAGE, AlertState.FIRING, startedAt, startedAt));
            }
            hook.awaitRequests(1, WAIT);
            for (String slo : slos) {
                router.send(alert(slo, "shop", Severity.PAGE, AlertState.RESOLVED, startedAt, Instant.now()));
            }
            hook.awaitRequests(2, WAIT);
            await("every delivery final", () -> router.get(PendingDeliveries.PATH).path("pending"), JsonNode::isEmpty);

            List<JsonNode> payloads = bodies(hook.requests());
            assertThat(payloads).hasSize(2);
            assertThat(payloads.get(0).path("status").asText()).isEqualTo("firing");
            assertThat(slosIn(payloads.get(0), "firing")).containsExactlyInAnyOrderElementsOf(slos);
            assertThat(payloads.get(1).path("status").asText()).isEqualTo("resolved");
            assertThat(slosIn(payloads.get(1), "resolved")).containsExactlyInAnyOrderElementsOf(slos);
            assertThat(hook.requests()).extracting(r -> r.header("Idempotency-Key")).doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldInhibitATicketWithAPageOfAnotherSloOnAnotherPartition() throws Exception {
        String database = "database-availability";
        String checkout = "checkout-latency";
        assertThat(partitionsOf(List.of(database, checkout), 3)).as("the two SLOs sit on different partitions").hasSize(2);
        String config = """
                route: {receiver: sink, group_by: [slo], group_wait: 1s, group_interval: 2s, repeat_interval: 1h}
                receivers:
                - name: sink
                  webhook_configs: [{url: '%s', send_resolved: true}]
                inhibit_rules:
                - source_matchers: [severity="page"]
                  target_matchers: [severity="ticket"]
                  equal: [service]
                """;
        try (LocalReceiver hook = LocalReceiver.answering(200);
             Running router = start(config.formatted(hook.url("/hook")), 3)) {
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            router.send(alert(database, "shop", Severity.PAGE, AlertState.FIRING, startedAt, startedAt));
            hook.awaitRequests(1, WAIT);
            // the ticket's partition learns of the page from the router's copy of every firing alert, which a busy
            // machine can bring up to date after the page was told
            await("the page in the router's copy of every firing alert", () -> router.get("/api/v2/alerts"),
                    alerts -> alerts.findValuesAsText("slo").contains(database));
            router.send(alert(checkout, "shop", Severity.TICKET, AlertState.FIRING, startedAt, Instant.now()));
            await("the ticket held back at its group's flush", () -> router.suppressedBy("inhibit"), count -> count >= 1);

            router.send(alert(database, "shop", Severity.PAGE, AlertState.RESOLVED, startedAt, Instant.now()));
            hook.awaitRequests(3, WAIT);

            List<String> seen = bodies(hook.requests()).stream()
                    .map(body -> body.path("alerts").get(0).path("labels").path("slo").asText() + " "
                            + body.path("status").asText())
                    .toList();
            assertThat(seen).as("the ticket is told only once the page that inhibited it has resolved")
                    .containsExactly(database + " firing", database + " resolved", checkout + " firing");
        }
    }

    /**
     * The same random alerts through routers whose topics have 1, 3 and 12 partitions: every receiver gets the same
     * notifications (the same alerts in each, with the same status), whichever partitions the SLOs landed on.
     */
    @Test
    void shouldNotifyTheSameWhateverThePartitionCount() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 2; round++) {
            List<String> groupBy = List.of(List.of("service"), List.of("team"), List.of("service", "team"),
                    List.of("..."), List.<String>of()).get(random.nextInt(5));
            List<Alert> firing = randomAlerts(random, 4 + random.nextInt(8));
            String config = """
                    route: {receiver: sink, group_by: %s, group_wait: 5s, group_interval: 5s, repeat_interval: 1h}
                    receivers:
                    - name: sink
                      webhook_configs: [{url: '%%s', send_resolved: true}]
                    """.formatted(groupBy.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]")));
            String why = "seed " + seed + ", round " + round + ", group_by " + groupBy + ", SLOs "
                    + firing.stream().map(a -> a.slo() + "(" + a.service() + "," + a.labels().get("team") + ")").toList();

            List<CompletableFuture<Set<String>>> runs = IntStream.of(1, 3, 12)
                    .mapToObj(partitions -> CompletableFuture.supplyAsync(() -> notified(config, partitions, firing)))
                    .toList();
            Set<String> single = runs.get(0).join();
            assertThat(single).as(why).isNotEmpty();
            assertThat(runs.get(1).join()).as("3 partitions against 1; " + why).isEqualTo(single);
            assertThat(runs.get(2).join()).as("12 partitions against 1; " + why).isEqualTo(single);
        }
    }

    /** Fires the alerts, then resolves them all once the first notifications came; each notification summarised. */
    private Set<String> notified(String config, int partitions, List<Alert> alerts) {
        try (LocalReceiver hook = LocalReceiver.answering(200);
             Running router = start(config.formatted(hook.url("/hook")), partitions)) {
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<Alert> firing = alerts.stream().map(alert -> alert(alert.slo(), alert.service(), alert.severity(),
                    AlertState.FIRING, startedAt, startedAt, alert.labels())).toList();
            firing.forEach(router::send);
            int groups = awaitQuiet(hook);
            firing.forEach(alert -> router.send(resolvedOf(alert)));
            hook.awaitRequests(2 * groups, WAIT);
            awaitQuiet(hook);
            return bodies(hook.requests()).stream().map(CrossPartitionGroupingTest::summary)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the receiver got something and then nothing more for a group interval; the requests so far. */
    private static int awaitQuiet(LocalReceiver hook) throws InterruptedException {
        hook.awaitRequests(1, WAIT);
        int seen;
        do {
            seen = hook.requests().size();
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < until && hook.requests().size() == seen) {
                TimeUnit.MILLISECONDS.sleep(CHECK_EVERY.toMillis());
            }
        } while (hook.requests().size() != seen);
        return seen;
    }

    /** "status: slo=status, ..." with the alerts sorted: the part of a notification every run must agree on. */
    private static String summary(JsonNode body) {
        List<String> alerts = new ArrayList<>();
        body.path("alerts").forEach(alert -> alerts.add(alert.path("labels").path("slo").asText() + "="
                + alert.path("status").asText()));
        alerts.sort(null);
        return body.path("groupLabels") + " " + body.path("status").asText() + ": " + alerts;
    }

    private static List<Alert> randomAlerts(Random random, int count) {
        List<Alert> alerts = new ArrayList<>();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            String service = List.of("shop", "search").get(random.nextInt(2));
            String team = List.of("payments", "discovery").get(random.nextInt(2));
            alerts.add(alert("slo-" + i + "-" + Long.toHexString(random.nextLong() & 0xffff), service, Severity.PAGE,
                    AlertState.FIRING, startedAt, startedAt, Map.of("team", team)));
        }
        return alerts;
    }

    private static Alert resolvedOf(Alert firing) {
        return alert(firing.slo(), firing.service(), firing.severity(), AlertState.RESOLVED, firing.startedAt(),
                Instant.now(), firing.labels());
    }

    private static Set<Integer> partitionsOf(Collection<String> slos, int partitions) {
        return slos.stream()
                .map(slo -> Utils.toPositive(Utils.murmur2(slo.getBytes(StandardCharsets.UTF_8))) % partitions)
                .collect(Collectors.toSet());
    }

    private List<JsonNode> bodies(List<Recorded> requests) {
        return requests.stream().map(request -> {
            try {
                return json.readTree(request.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<String> slosIn(JsonNode payload, String status) {
        List<String> slos = new ArrayList<>();
        payload.path("alerts").forEach(alert -> {
            assertThat(alert.path("status").asText()).isEqualTo(status);
            slos.add(alert.path("labels").path("slo").asText());
        });
        return slos;
    }

    private static Alert alert(String slo, String service, Severity severity, AlertState state, Instant startedAt,
                               Instant at) {
        return alert(slo, service, severity, state, startedAt, at, Map.of());
    }

    private static Alert alert(String slo, String service, Severity severity, AlertState state, Instant startedAt,
                               Instant at, Map<String, String> labels) {
        return SloAlertFixtures.alert(slo, service, severity, state, startedAt, at, labels);
    }

    private Running start(String yaml, int partitions) throws InterruptedException {
        String suffix = SharedKafka.unique(".cross");
        RouterTopics topics = RouterTopics.withSuffix(suffix);
        RouterApp app = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                .set(RouterAppKeys.APPLICATION_ID, "router-cross" + suffix)
                .set(RouterAppKeys.STATE_DIR, stateDir.resolve("router" + suffix))
                .topics(topics)
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries" + suffix)
                .set(RouterAppKeys.PARTITIONS, partitions)
                .set(RouterAppKeys.HTTP_PORT, 0)
                .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(200))
                .set(RouterAppKeys.EXTERNAL_URL, URI.create("https://router.example"))
                .build(),
                RouterConfigLoader.parse("router.yml", yaml).orElseThrow());
        Running running = new Running(app, topics);
        await("the router ready", () -> running.status("/readyz"), status -> status == 200);
        return running;
    }

    /** A router started for one test, and how the test talks to it. */
    private final class Running implements AutoCloseable {
        final RouterApp app;
        final RouterTopics topics;

        Running(RouterApp app, RouterTopics topics) {
            this.app = app;
            this.topics = topics;
        }

        void send(Alert alert) {
            broker.send(topics.alerts(), alert);
        }

        int status(String path) {
            return request(path).statusCode();
        }

        JsonNode get(String path) {
            try {
                return json.readTree(request(path).body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What {@code slo_router_alerts_suppressed_total} says for a stage, summed over receivers. */
        double suppressedBy(String stage) {
            return new String(request("/metrics").body(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("slo_router_alerts_suppressed_total{")
                            && line.contains("stage=\"" + stage + "\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }

        private HttpResponse<byte[]> request(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            app.close();
        }
    }

    /** Checks every {@link #CHECK_EVERY} until the condition holds, failing at the deadline with the last value. */
    private static <T> T await(String what, Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("waiting for %s; last seen: %s", what, last).isLessThan(deadline);
            last = CompletableFuture.supplyAsync(value,
                    CompletableFuture.delayedExecutor(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS)).join();
        }
        return last;
    }
}
