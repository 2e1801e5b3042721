package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.router.topology.SilenceCommand;
import dev.slopipeline.router.topology.SilenceCommandCodec;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit on silences on a router whose command topic has three partitions: creates sent at once, through the API
 * or straight onto any partition as another instance or tool would, never leave more silences than the limit, and
 * each refused caller hears why. The audit trail keeps the name of the token that created each silence.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SilenceLimitsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String CI_TOKEN = "ci-bot-token-5e0b1c";
    private static final int LIMIT = 2;

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldNeverKeepMoreSilencesThanTheLimitWhereverTheCreatesComeFrom() throws Exception {
        RouterTopics topics = RouterTopics.withSuffix(SharedKafka.unique(".limits"));
        Path tokens = Files.writeString(dir.resolve("api-tokens"), "ci-bot write " + CI_TOKEN + "\n");
        try (RouterApp app = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                        .set(RouterAppKeys.APPLICATION_ID, SharedKafka.unique("router-limits"))
                        .set(RouterAppKeys.STATE_DIR, dir.resolve("state"))
                        .topics(topics)
                        .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries.limits")
                        .set(RouterAppKeys.PARTITIONS, 3)
                        .set(RouterAppKeys.HTTP_PORT, 0)
                        .set(RouterAppKeys.API_TOKENS_FILE, tokens)
                        .set(RouterAppKeys.SILENCES_MAX, LIMIT)
                        .set(RouterAppKeys.SILENCES_MAX_DURATION, Duration.ofDays(1))
                        .build(),
                RouterConfigLoader.parse("router.yml", "route: {receiver: nowhere}\nreceivers: [{name: nowhere}]\n")
                        .orElseThrow());
             KafkaConsumer<String, byte[]> deadLetters = broker.readCommitted(topics.deadLetters(), "limits-dlq")) {
            awaitReady(app);

            HttpResponse<String> tooLong = post(app, "slo=\\\"too-long\\\"", Instant.now().plus(Duration.ofDays(2)));
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("longer than the 1d a silence may last (router.silences.max.duration)");

            // four at once for two places: whichever instance or partition, two are created and two refused
            List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(app, "slo=\\\"shop-" + i + "\\\"",
                            Instant.now().plus(Duration.ofHours(1)))))
                    .toList();
            List<HttpResponse<String>> answers = racing.stream().map(CompletableFuture::join).toList();
            assertThat(answers).extracting(HttpResponse::statusCode).as(answers.stream().map(HttpResponse::body)
                    .toList().toString()).containsExactlyInAnyOrder(202, 202, 422, 422);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 422).allSatisfy(answer ->
                    assertThat(answer.body()).contains("the most this router allows (router.silences.max is 2)"));

            // a create written straight onto partition 1, as any producer of router.commands might: refused too
            UUID stray = UUID.randomUUID();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.commands(), 1, stray.toString(), new SilenceCommandCodec()
                        .encode(new SilenceCommand.Create(stray, new SilenceRequest(
                                Matchers.of(MatcherParser.parse("slo=\"stray\"").matchers()), Instant.now(),
                                Instant.now().plus(Duration.ofHours(1)), "a tool", "written to the topic"))))).get();
            }
            ConsumerRecord<String, byte[]> refused = awaitDeadLetter(deadLetters, stray.toString());
            assertThat(header(refused, DeadLetterHeaders.REASON)).contains("router.silences.max is 2");

            JsonNode listed = json.readTree(get(app, SilenceEndpoints.PATH).body()).path("silences");
            assertThat(listed).hasSize(LIMIT).allSatisfy(silence -> {
                assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
                assertThat(silence.path("createdBy").asText()).isEqualTo("alice");
                assertThat(silence.path("createdByToken").asText()).as("the token that created it").isEqualTo("ci-bot");
            });
        }
    }

    @Test
    void shouldHearOfARefusedCommandFromTheDeadLetterTopicButNotOfOtherRefusedRecords() throws Exception {
        String deadLetters = "router.dlq.refusals";
        broker.createTopics(List.of(new NewTopic(deadLetters, 2, (short) 1)));
        try (CommandRefusals refusals = CommandRefusals.start(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()), deadLetters, "router.commands");
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                     new ByteArraySerializer())) {
            producer.send(deadLetter(deadLetters, "an-alert", "slo.alerts", "not JSON")).get();
            producer.send(deadLetter(deadLetters, "a-silence", "router.commands", "over the limit")).get();

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (refusals.reasonFor("a-silence").isEmpty()) {
                assertThat(System.nanoTime()).as("waiting for the refusal to be read").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(refusals.reasonFor("a-silence")).hasValue("over the limit");
            assertThat(refusals.reasonFor("an-alert")).as("an alert is no command").isEmpty();
        }
    }

    private static ProducerRecord<String, byte[]> deadLetter(String topic, String key, String from, String reason) {
        // one partition: the alert's letter is read before the silence's
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, 0, key, new byte[0]);
        record.headers().add(DeadLetterHeaders.TOPIC, from.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(KafkaConsumer<String, byte[]> consumer, String key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (key.equals(record.key())) {
                    return record;
                }
                seen.add(record.key());
            }
        }
        throw new AssertionError("no dead letter for " + key + " within " + WAIT + "; saw " + seen);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    private HttpResponse<String> post(RouterApp app, String matcher, Instant endsAt) {
        String body = "{\"matchers\":[\"" + matcher + "\"],\"endsAt\":\"" + endsAt.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"createdBy\":\"alice\",\"comment\":\"maintenance\"}";
        return send(HttpRequest.newBuilder(uri(app, SilenceEndpoints.PATH)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(RouterApp app, String path) {
        return send(HttpRequest.newBuilder(uri(app, path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + CI_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(RouterApp app, String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    private void awaitReady(RouterApp app) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (get(app, "/readyz").statusCode() != 200) {
            assertThat(System.nanoTime()).as("waiting for the router to be ready").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
