package dev.slopipeline.streams.app;

import static dev.slopipeline.streams.app.Conditions.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import java.net.URLEncoder;
import java.net.http.HttpResponse;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.streams.otlp.SdkSpans;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real topology in the real runtime against a broker: definitions applied as {@code slo apply} does,
 * request events or OpenTelemetry spans in, alert transitions out exactly once, also across a restart.
 */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SloPipelineIntegrationTest {

    private static final EventCodec EVENTS = new EventCodec();
    private static final AlertCodec ALERTS = new AlertCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLO = "checkout-availability";
    static final String DEFINITIONS = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: checkout}
            spec: {owner: team-checkout, tier: 1, runbook: https://runbooks.example/checkout}
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-availability}
            spec:
              service: checkout
              journey: checkout
              indicator:
                match:
                  - {service: checkout-api, operation: "POST /checkout"}
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
            """;
    /** Healthy minutes before the outage: enough history for the page pairs' long windows. */
    private static final int OUTAGE_FROM = 120;
    private static final int OUTAGE_TO = 130;

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private final List<StreamsApp> apps = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    /**
     * Three hours ago, to the minute: the outage (minutes 120-130) and the recovery lie in the past, so the
     * events decide the alerts and not the wall clock, which moves a silent SLO on only to now - 1 minute.
     */
    private final Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);

    @AfterEach
    void closeAll() throws Exception {
        apps.forEach(StreamsApp::close);
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    void shouldPageOnceForAnOutageAndSendMalformedEventsToTheDeadLetterTopic() throws IOException {
        Running running = startWithTheCheckoutSlo();
        StreamsAppConfig config = running.config();
        TopicReader alerts = running.alerts();
        TopicReader deadLetters = running.deadLetters();

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            produceMinutes(producer, config, 0, OUTAGE_TO + 10);
            producer.send(new ProducerRecord<>(config.topics().requests(), bytes("checkout-api"), bytes("{not json")));
            producer.flush();
        }

        await("a page", () -> count(alerts.poll(), AlertState.FIRING) >= 1);
        await("the malformed record on the dead-letter topic", () -> !deadLetters.poll().isEmpty());

        assertThat(count(alerts.drain(), AlertState.FIRING)).isEqualTo(1);
        Alert page = pages(alerts.records()).get(0);
        assertThat(page.slo()).isEqualTo(SLO);
        assertThat(page.severity()).isEqualTo(Severity.PAGE);
        assertThat(page.state()).isEqualTo(AlertState.FIRING);
        assertThat(deadLetters.records()).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        });
        assertThat(running.app().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    @Test
    void shouldPageOnAnOutageSeenOnlyInOpenTelemetrySpans() throws IOException {
        Running running = startWithTheCheckoutSlo();
        TopicReader alerts = running.alerts();
        TopicReader deadLetters = running.deadLetters();
        String spans = running.config().spans().topic().orElseThrow();

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int minute = 0; minute < OUTAGE_TO + 5; minute++) {
                // either encoding, as two Collectors configured differently would write them; without a key, as they do
                SdkSpans.Wire wire = minute % 2 == 0 ? SdkSpans.Wire.PROTO : SdkSpans.Wire.JSON;
                byte[] record = minuteOfSpans(wire, start.plus(Duration.ofMinutes(minute)),
                        minute >= OUTAGE_FROM && minute < OUTAGE_TO ? 503 : 200);
                producer.send(new ProducerRecord<>(spans, record));
                if (minute == OUTAGE_FROM) {
                    producer.send(new ProducerRecord<>(spans, Arrays.copyOf(record, record.length / 2)));
                }
            }
            producer.flush();
        }

        await("a page", () -> count(alerts.poll(), AlertState.FIRING) >= 1);
        await("the cut record on the dead-letter topic", () -> !deadLetters.poll().isEmpty());
        Alert page = pages(alerts.records()).get(0);
        assertThat(page.slo()).isEqualTo(SLO);
        assertThat(page.contributors()).extracting(Alert.Contributor::service, Alert.Contributor::operation)
                .containsOnly(tuple("checkout-api", "POST /checkout"));
        assertThat(deadLetters.records()).singleElement().satisfies(letter -> {
            assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .startsWith("not OTLP protobuf: ");
            assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(spans);
        });
        assertThat(running.app().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /** One export request of a minute's 20 checkout spans, all with one status. */
    private static byte[] minuteOfSpans(SdkSpans.Wire wire, Instant minute, int status) {
        try (SdkSpans spans = SdkSpans.of("checkout-api")) {
            for (int i = 0; i < 20; i++) {
                spans.httpServer("POST", "/checkout", status, minute.plusSeconds(2L * i + 1), Duration.ofMillis(30));
            }
            return wire.encode(spans.take());
        }
    }

    @Test
    void shouldCarryOnAfterARestartWithoutRepeatingATransition() throws IOException {
        StreamsAppConfig config = config();
        applyDefinitions(config);
        TopicReader alerts = reader(config.topics().alerts());
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            StreamsApp first = start(config);
            // stop at the end of the outage: the page fires in the first run and resolves only in the second
            produceMinutes(producer, config, 0, OUTAGE_TO);
            await("a page", () -> count(alerts.poll(), AlertState.FIRING) >= 1);
            first.close();
            assertThat(first.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);

            // same application id and state directory: the stores come back from local state and changelogs
            start(config);
            // page-slow's 30-minute short window is clean of the outage 30 minutes after its end
            produceMinutes(producer, config, OUTAGE_TO, OUTAGE_TO + 45);
            await("the page to resolve", () -> count(alerts.poll(), AlertState.RESOLVED) >= 1);
        }

        List<Alert> pages = pages(alerts.drain());
        assertThat(pages).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
        assertThat(pages.get(1).id()).isEqualTo(pages.get(0).id());
    }

    @Test
    void shouldAlertOnAnSloAppliedWhileTheAppRuns() throws IOException {
        StreamsAppConfig config = config();
        applyDefinitions(config);
        StreamsApp app = start(config);
        TopicReader alerts = reader(config.topics().alerts());

        apply(config, "search.yaml", DEFINITIONS.replace("name: checkout-availability", "name: search-availability")
                .replace("{service: checkout-api, operation: \"POST /checkout\"}", "{service: search-api, operation: \"GET /search\"}")
                .replace("journey: checkout", "journey: search"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // until the running app has read the new definition, search events count for no SLO
            await("the new SLO to count events", () -> {
                produce(producer, config, new RequestEvent(start, "search-api", "GET /search", 200, RequestEvent.NO_LATENCY, 1, Map.of()));
                producer.flush();
                return Http.get(app.httpPort(), "/api/v1/slos/search-availability").statusCode() == 200;
            });
            produceMinutes(producer, config, "search-api", "GET /search", 0, OUTAGE_TO);
        }

        await("a page for the new SLO", () -> pages(alerts.poll()).stream().anyMatch(alert -> alert.state() == AlertState.FIRING));
        assertThat(pages(alerts.drain())).singleElement().satisfies(page -> {
            assertThat(page.slo()).isEqualTo("search-availability");
            assertThat(page.journey()).isEqualTo("search");
            assertThat(page.contributors()).extracting(Alert.Contributor::operation).containsExactly("GET /search");
        });
    }

    @Test
    void shouldServeTheStatusAndHistoryOfAnSloOverHttp() throws IOException {
        StreamsAppConfig config = config();
        applyDefinitions(config);
        StreamsApp app = start(config);
        TopicReader alerts = reader(config.topics().alerts());
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            produceMinutes(producer, config, 0, OUTAGE_TO);
        }
        await("a page", () -> count(alerts.poll(), AlertState.FIRING) >= 1);
        // the status store follows the topic at most a status interval later
        await("the firing page in the status", () -> Http.get(app.httpPort(), "/api/v1/slos/" + SLO).body()
                .contains("\"page\":{\"state\":\"firing\""));

        JsonNode status = JSON.readTree(Http.get(app.httpPort(), "/api/v1/slos/" + SLO).body());
        JsonNode listing = JSON.readTree(Http.get(app.httpPort(), "/api/v1/slos").body());
        HttpResponse<String> historyResponse = Http.get(app.httpPort(), "/api/v1/slos/" + SLO + "/history");
        JsonNode history = JSON.readTree(historyResponse.body());

        long events = 100L * OUTAGE_TO;
        long bad = 100L * (OUTAGE_TO - OUTAGE_FROM);
        assertThat(status.get("slo").asText()).isEqualTo(SLO);
        assertThat(status.get("counts").get("events").asLong()).isEqualTo(events);
        assertThat(status.get("counts").get("bad").asLong()).isEqualTo(bad);
        assertThat(status.get("sli").asDouble()).isCloseTo(1 - (double) bad / events, within(1e-12));
        assertThat(status.get("pairs")).extracting(pair -> pair.get("name").asText())
                .containsExactly("page-fast", "page-slow", "ticket-fast", "ticket-slow");
        assertThat(status.get("updatedAt").asText()).isNotEmpty();
        assertThat(listing.get("slos").get(SLO)).isEqualTo(status);
        assertThat(listing.get("unavailable")).isEmpty();
        assertThat(historyResponse.statusCode()).isEqualTo(200);
        assertThat(history.get("resolution").asText()).isEqualTo("1h");
        long historyEvents = 0;
        for (JsonNode point : history.get("points")) {
            historyEvents += point.get("events").asLong();
        }
        assertThat(historyEvents).isEqualTo(events);
        JsonNode last = history.get("points").get(history.get("points").size() - 1);
        assertThat(last.get("sli").asDouble()).isCloseTo(status.get("sli").asDouble(), within(1e-12));
        assertThat(Http.get(app.httpPort(), "/api/v1/slos/no-such-slo/history").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeEveryStatusAndHistoryFromEitherOfTwoInstances() throws IOException {
        String run = SharedKafka.unique("pipeline");
        StreamsAppConfig first = config(run, 2, dir.resolve("state-1"));
        StreamsAppConfig second = config(run, 2, dir.resolve("state-2"));
        // a second SLO whose events land on the other partition, so each instance holds one of them
        String other = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "search-availability-" + i)
                .filter(name -> partitionOf(name) != partitionOf(SLO)).findFirst().orElseThrow();
        apply(first, "checkout.yaml", DEFINITIONS + "---\n" + DEFINITIONS.substring(DEFINITIONS.indexOf("apiVersion: slo-pipeline/v1\nkind: SLO"))
                .replace("name: checkout-availability", "name: " + other)
                .replace("{service: checkout-api, operation: \"POST /checkout\"}", "{service: other-api, operation: \"GET /\"}"));
        StreamsApp one = start(first);
        StreamsApp two = start(second);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            produceMinutes(producer, first, "checkout-api", "POST /checkout", 0, 10);
            produceMinutes(producer, first, "other-api", "GET /", 0, 10);
        }

        for (StreamsApp app : List.of(one, two)) {
            for (String slo : List.of(SLO, other)) {
                await(slo + " from the instance on port " + app.httpPort(), () ->
                        Http.get(app.httpPort(), "/api/v1/slos/" + slo).statusCode() == 200
                                && Http.get(app.httpPort(), "/api/v1/slos/" + slo + "/history").statusCode() == 200);
            }
        }
        JsonNode listing = JSON.readTree(Http.get(one.httpPort(), "/api/v1/slos").body());
        JsonNode history = JSON.readTree(Http.get(two.httpPort(), "/api/v1/slos/" + other + "/history").body());
        int localOne = JSON.readTree(Http.get(one.httpPort(), "/api/v1/slos?scope=local").body()).get("slos").size();
        int localTwo = JSON.readTree(Http.get(two.httpPort(), "/api/v1/slos?scope=local").body()).get("slos").size();

        assertThat(listing.get("slos").has(SLO)).isTrue();
        assertThat(listing.get("slos").has(other)).isTrue();
        assertThat(listing.get("unavailable")).isEmpty();
        assertThat(history.get("slo").asText()).isEqualTo(other);
        assertThat(localOne + localTwo).as("each SLO held by one instance").isEqualTo(2);
        assertThat(localOne).as("both instances hold one").isEqualTo(1);

        // on /metrics each instance shows the SLOs it holds, and the one left takes the other's over when it stops
        await("each SLO's series on the instance holding it", () -> sloSeries(one).size() == 1
                && sloSeries(two).size() == 1 && !sloSeries(one).equals(sloSeries(two)));
        one.close();
        await("both SLOs' series on the instance left", () -> sloSeries(two).equals(Set.of(SLO, other)));
    }

    @Test
    void shouldServeEachSeriesOfASplitSloFromEitherOfTwoInstancesAndOnMetrics() throws IOException {
        String run = SharedKafka.unique("pipeline");
        StreamsAppConfig first = config(run, 2, dir.resolve("state-1"));
        StreamsAppConfig second = config(run, 2, dir.resolve("state-2"));
        apply(first, "checkout.yaml", DEFINITIONS + "  groupBy: [region]\n");
        StreamsApp one = start(first);
        StreamsApp two = start(second);
        List<String> regions = List.of("eu-west", "us-east", "ap-south");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int minute = 0; minute < 10; minute++) {
                for (String region : regions) {
                    produce(producer, first, new RequestEvent(start.plus(Duration.ofMinutes(minute)), "checkout-api",
                            "POST /checkout", 200, RequestEvent.NO_LATENCY, 100, Map.of("region", region)));
                }
            }
            producer.flush();
        }

        for (StreamsApp app : List.of(one, two)) {
            // a series' status goes out once per status round, a slice of the series at a time: the first may be of
            // its first events
            await("every series with all its events from the instance on port " + app.httpPort(),
                    () -> seriesServed(app, SLO, 1000) == regions.size());
        }
        JsonNode split = JSON.readTree(Http.get(two.httpPort(), "/api/v1/slos/" + SLO).body());
        await("the series' SLI on /metrics", () -> metricsLines(one, two).stream()
                .filter(line -> line.startsWith("slo_sli_ratio{")).count() == regions.size());

        assertThat(split.get("slo").asText()).isEqualTo(SLO);
        for (String region : regions) {
            JsonNode series = split.get("series").get(SLO + "{region=\"" + region + "\"}");
            assertThat(series.get("labels").get("region").asText()).isEqualTo(region);
            assertThat(series.get("counts").get("events").asLong()).isEqualTo(1000);
        }
        assertThat(metricsLines(one, two)).filteredOn(line -> line.startsWith("slo_sli_ratio{"))
                .extracting(line -> line.replaceAll(".*region=\"([^\"]*)\".*", "$1"))
                .containsExactlyInAnyOrderElementsOf(regions);
        String euWest = "/api/v1/slos/" + URLEncoder.encode(SLO + "{region=\"eu-west\"}", StandardCharsets.UTF_8);
        for (StreamsApp app : List.of(one, two)) {
            JsonNode series = JSON.readTree(Http.get(app.httpPort(), euWest).body());
            JsonNode history = JSON.readTree(Http.get(app.httpPort(), euWest + "/history").body());
            assertThat(series.get("labels").get("region").asText()).isEqualTo("eu-west");
            long historyEvents = 0;
            for (JsonNode point : history.get("points")) {
                historyEvents += point.get("events").asLong();
            }
            assertThat(historyEvents).as("the series' history from port %d", app.httpPort()).isEqualTo(1000);
        }
    }

    /** How many series of the SLO an instance answers for, 0 while it cannot. */
    /** How many series of the split SLO the app serves with {@code events} counted. */
    private static long seriesServed(StreamsApp app, String slo, long events) {
        HttpResponse<String> response = Http.get(app.httpPort(), "/api/v1/slos/" + slo);
        if (response.statusCode() != 200) {
            return 0;
        }
        try {
            List<JsonNode> series = new ArrayList<>();
            JSON.readTree(response.body()).path("series").elements().forEachRemaining(series::add);
            return series.stream().filter(one -> one.path("counts").path("events").asLong() == events).count();
        } catch (IOException notJson) {
            throw new AssertionError("the status of " + slo + " is not JSON: " + response.body(), notJson);
        }
    }

    private static List<String> metricsLines(StreamsApp... apps) {
        List<String> lines = new ArrayList<>();
        for (StreamsApp app : apps) {
            Http.get(app.httpPort(), "/metrics").body().lines().forEach(lines::add);
        }
        return lines;
    }

    /** The SLOs whose SLI an instance exports. */
    private static Set<String> sloSeries(StreamsApp app) {
        return Http.get(app.httpPort(), "/metrics").body().lines().filter(line -> line.startsWith("slo_sli_ratio{"))
                .map(line -> line.replaceAll(".*slo=\"([^\"]*)\".*", "$1")).collect(Collectors.toSet());
    }

    private static int partitionOf(String slo) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes(slo))) % 2;
    }

    /** Unique topics, application id and state directory per test, exactly-once as in production. */
    private StreamsAppConfig config() {
        return config(SharedKafka.unique("pipeline"), 1, dir.resolve("state"));
    }

    private StreamsAppConfig config(String run, int partitions, Path stateDir) {
        StreamsAppConfig.Builder builder = StreamsAppConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .applicationId("slo-pipeline-test-" + run)
                .stateDir(stateDir)
                .httpPort(0)
                .processingGuarantee(StreamsAppConfig.EXACTLY_ONCE_V2)
                .set("topics.partitions", String.valueOf(partitions));
        builder.topicsWithSuffix("." + run);
        return builder.build();
    }

    /** An app on topics of its own, with readers of its alerts and dead letters. */
    private record Running(StreamsAppConfig config, StreamsApp app, TopicReader alerts, TopicReader deadLetters) {
    }

    private Running startWithTheCheckoutSlo() throws IOException {
        StreamsAppConfig config = config();
        applyDefinitions(config);
        StreamsApp app = start(config);
        return new Running(config, app, reader(config.topics().alerts()), reader(config.topics().dlq()));
    }

    /** As {@code slo apply} would, before the app starts. */
    private void applyDefinitions(StreamsAppConfig config) throws IOException {
        apply(config, "checkout.yaml", DEFINITIONS);
    }

    /** As {@code slo apply FILE} would (without --prune: what was applied before stays). */
    private void apply(StreamsAppConfig config, String fileName, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve(fileName), yaml);
        DefinitionsTopic topic = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(), Duration.ofSeconds(20));
        new DefinitionPublisher(config.clientProperties(), topic, config.replication())
                .apply(DefinitionRecords.fromFiles(List.of(file)), ApplyOptions.DEFAULT);
    }

    private StreamsApp start(StreamsAppConfig config) {
        StreamsApp app = SloPipeline.start(config);
        apps.add(app);
        await("the streams client to run", () -> app.state() == KafkaStreams.State.RUNNING);
        return app;
    }

    /** One record of 100 requests per minute, all failing during the outage. */
    private void produceMinutes(KafkaProducer<byte[], byte[]> producer, StreamsAppConfig config, int from, int to) {
        produceMinutes(producer, config, "checkout-api", "POST /checkout", from, to);
    }

    private void produceMinutes(KafkaProducer<byte[], byte[]> producer, StreamsAppConfig config, String service, String operation,
                                int from, int to) {
        for (int minute = from; minute < to; minute++) {
            int status = minute >= OUTAGE_FROM && minute < OUTAGE_TO ? 503 : 200;
            produce(producer, config, new RequestEvent(start.plus(Duration.ofMinutes(minute)), service, operation, status,
                    RequestEvent.NO_LATENCY, 100, Map.of()));
        }
        producer.flush();
    }

    private static void produce(KafkaProducer<byte[], byte[]> producer, StreamsAppConfig config, RequestEvent event) {
        producer.send(new ProducerRecord<>(config.topics().requests(), null, event.timestamp().toEpochMilli(),
                bytes(event.service()), EVENTS.encode(event)));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> properties = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private TopicReader reader(String topic) {
        TopicReader reader = new TopicReader(kafka.bootstrapServers(), topic);
        clients.add(reader);
        return reader;
    }

    static List<Alert> pages(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Alert> pages = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Decoded<Alert> decoded = ALERTS.decode(record.value());
            if (!(decoded instanceof Decoded.Ok<Alert> ok)) {
                throw new AssertionError("Not an alert: " + new String(record.value(), StandardCharsets.UTF_8));
            }
            if (ok.value().severity() == Severity.PAGE) {
                pages.add(ok.value());
            }
        }
        return pages;
    }

    static long count(List<ConsumerRecord<byte[], byte[]>> records, AlertState state) {
        return pages(records).stream().filter(alert -> alert.state() == state).count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
