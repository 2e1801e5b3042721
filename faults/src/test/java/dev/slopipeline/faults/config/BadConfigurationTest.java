package dev.slopipeline.faults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.OwnTopics;
import dev.slopipeline.faults.receiver.PagerRoute;
import dev.slopipeline.faults.receiver.WebhookReceiver;
import dev.slopipeline.faults.scenario.IncidentPlayer;
import dev.slopipeline.faults.scenario.Journeys;
import dev.slopipeline.faults.scenario.QuickRouter;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration applied to the running pipeline: an invalid SLO definition written straight to the
 * definitions topic (as a foreign tool might), an invalid set refused by {@code slo apply}'s publisher, a broken
 * router config file. The running configuration stays in force (outages still page the receiver it names), the
 * refusal is visible, and a valid change of both then applies without losing the state built so far.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BROKEN_SLO = """
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: journey-3}
            spec:
              service: shop
              objective: 120
              window: forever
            """;

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldKeepTheRunningConfigurationWhenANewOneIsInvalidAndApplyAValidChangeWithoutLosingState() throws Exception {
        OwnTopics own = OwnTopics.named("bad-configuration");
        try (WebhookReceiver oldPager = WebhookReceiver.start(null);
             WebhookReceiver newPager = WebhookReceiver.start(null)) {
            Path definitions = Files.createDirectories(dir.resolve("definitions"));
            Files.writeString(definitions.resolve("journeys.yaml"), Journeys.yaml(3));
            StreamsAppConfig streamsConfig = own.streams(StreamsAppConfig.builder()).bootstrapServers(kafka.bootstrapServers())
                    .stateDir(dir.resolve("streams")).httpPort(0).definitionsDir(definitions).set("topics.partitions", "1").build();
            Path routerConfig = Files.writeString(dir.resolve("router.yml"), PagerRoute.yaml(oldPager.url("/pager").toString(), "500ms"));
            String definitionsTopic = streamsConfig.topics().definitions();
            try (StreamsApp streams = SloPipeline.start(streamsConfig);
                 RouterApp router = RouterApp.start(
                         own.router(QuickRouter.settings(kafka.bootstrapServers(), routerConfig, dir.resolve("router"))).build());
                 IncidentPlayer player = new IncidentPlayer(kafka.bootstrapServers(), streamsConfig.topics().requests(),
                         Duration.ofMillis(300), Map.of());
                 KafkaProducer<byte[], byte[]> foreignTool = producer(kafka.bootstrapServers())) {
                Await.until("the streams app to run", WAIT, () -> streams.state() == KafkaStreams.State.RUNNING);
                Await.until("the router ready", WAIT, () -> get(router.httpPort(), "/readyz").statusCode() == 200);
                DefinitionPublisher publisher = new DefinitionPublisher(streamsConfig.clientProperties(),
                        new DefinitionsTopic(streamsConfig.clientProperties(), definitionsTopic, Duration.ofSeconds(30)), Optional.empty());

                // a) slo apply refuses an invalid set before publishing, with file:line:col problems ...
                Path invalid = Files.writeString(dir.resolve("invalid.yaml"), Journeys.yaml(2) + "---\n" + BROKEN_SLO);
                assertThatThrownBy(() -> publisher.apply(DefinitionRecords.fromFiles(List.of(invalid)), ApplyOptions.DEFAULT))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageMatching("(?s).*invalid\\.yaml:\\d+:\\d+: .*");
                // ... a foreign tool writes one straight to the topic: the app refuses it, visibly, and keeps the last good set.
                foreignTool.send(new ProducerRecord<>(definitionsTopic, bytes("SLO/journey-3"), bytes(BROKEN_SLO))).get();
                sendGoodRequest(foreignTool, streamsConfig.topics().requests(), 2);
                Await.until("slo_definitions_refused_total above 0 on the streams app's /metrics", WAIT,
                        () -> refusedDefinitions(streams.httpPort()) > 0);
                player.outage(1);
                Await.until("journey-1's page at the receiver of the running router config", WAIT,
                        () -> !oldPager.deliveredPages("firing").isEmpty());

                // b) a broken router config file: refused with file:line:col problems, the old routing stays.
                String firstHash = configStatus(router).path("lastReload").path("sha256").asText();
                replaceWhole(routerConfig, PagerRoute.yaml(newPager.url("/pager").toString(), "500ms").replace("receiver: pager", "receiver: nobody"));
                JsonNode refused = awaitJson("the broken router config refused", () -> configStatus(router),
                        status -> !status.path("lastReload").path("successful").asBoolean(true));
                assertThat(refused.path("lastReload").path("problems")).extracting(JsonNode::asText)
                        .anySatisfy(problem -> assertThat(problem).matches(".*router\\.yml:\\d+:\\d+: .*").contains("nobody"));
                player.outage(2);
                Await.until("journey-2's page at the receiver of the running router config", WAIT,
                        () -> oldPager.deliveredPages("firing").size() == 2);

                // c) valid changes of both apply, and nothing built so far is lost.
                long eventsBefore = awaitJson("journey-1's events counted in its status", () -> slo(streams.httpPort(), Journeys.slo(1)),
                        status -> status.path("counts").path("events").asLong() > 0).path("counts").path("events").asLong();
                Path changed = Files.writeString(dir.resolve("changed.yaml"), Journeys.yaml(3).replaceFirst("objective: 99.9", "objective: 99.5"));
                publisher.apply(DefinitionRecords.fromFiles(List.of(changed)), ApplyOptions.DEFAULT);
                JsonNode changedSlo = awaitJson("journey-1's new objective in force", () -> slo(streams.httpPort(), Journeys.slo(1)),
                        status -> status.path("objective").asDouble() == 99.5);
                assertThat(changedSlo.path("counts").path("events").asLong()).as("journey-1's counts after the objective change")
                        .isGreaterThanOrEqualTo(eventsBefore);

                replaceWhole(routerConfig, PagerRoute.yaml(newPager.url("/pager").toString(), "500ms"));
                awaitJson("the changed router config live", () -> configStatus(router),
                        status -> status.path("lastReload").path("successful").asBoolean()
                                && !status.path("lastReload").path("sha256").asText().equals(firstHash));
                player.outage(3);
                Await.until("journey-3's page at the receiver of the changed route", WAIT,
                        () -> !newPager.deliveredPages("firing").isEmpty());
                assertThat(awaitJson("journey-3's status", () -> slo(streams.httpPort(), Journeys.slo(3)),
                        status -> status.path("counts").path("events").asLong() > 0).path("objective").asDouble())
                        .as("journey-3 as applied, not as the foreign tool wrote it").isEqualTo(99.9);
                assertThat(newPager.deliveredPages("firing")).extracting(WebhookReceiver.Page::slo).containsExactly(Journeys.slo(3));
                assertThat(oldPager.deliveredPages("firing")).as("pages before the change, each once: no alert state was reset")
                        .extracting(WebhookReceiver.Page::slo).containsExactlyInAnyOrder(Journeys.slo(1), Journeys.slo(2));
                assertThat(oldPager.duplicatedKeys()).isEmpty();
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void sendGoodRequest(KafkaProducer<byte[], byte[]> producer, String topic, int journey) throws Exception {
        RequestEvent event = new RequestEvent(Instant.now(), Journeys.service(journey), "POST /buy", 200,
                RequestEvent.NO_LATENCY, 1, Map.of());
        producer.send(new ProducerRecord<>(topic, bytes(Journeys.service(journey)), new EventCodec().encode(event))).get();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private double refusedDefinitions(int port) {
        return get(port, "/metrics").body().lines().filter(line -> line.startsWith("slo_definitions_refused_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private JsonNode slo(int port, String name) {
        return parse(get(port, "/api/v1/slos/" + name));
    }

    private JsonNode configStatus(RouterApp router) {
        return parse(get(router.httpPort(), "/api/v1/status/config"));
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return response.statusCode() == 200 ? json.readTree(response.body()) : json.createObjectNode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode awaitJson(String what, java.util.function.Supplier<JsonNode> fetch, java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        Await.until(what, WAIT, () -> done.test(last[0] = fetch.get()));
        return last[0];
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

    /**
     * A config file changed as deployment tools change it, whole at once (a new file moved over it): the router polls
     * it, and on a busy machine it read one written in place while it was still empty.
     */
    private static void replaceWhole(Path file, String content) throws IOException {
        Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), content);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
