package dev.slopipeline.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dead man's switch: no heartbeat for longer than silent_after pages; heartbeats coming back resolve it. */
class HeartbeatTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final String CONFIG = """
            route:
              receiver: default
              group_by: [slo]
              group_wait: 30s
              group_interval: 1m
              repeat_interval: 1h
            receivers:
            - name: default
              webhook_configs: [{url: 'http://hooks.example/default'}]
            - name: pipeline-pager
              webhook_configs: [{url: 'http://hooks.example/pipeline', send_resolved: true}]
            heartbeat:
              watch_topic: slo.heartbeat
              silent_after: 2m
              receiver: pipeline-pager
            """;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> heartbeats;
    private TestOutputTopic<String, byte[]> notifications;
    private Instant now = T0;
    /** The router config as a reload leaves it. */
    private final AtomicReference<RouterConfig> live = new AtomicReference<>();

    @BeforeEach
    void start() {
        RouterConfig config = RouterConfigLoader.parse("router.yml", CONFIG).orElseThrow();
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "heartbeat-topology-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, FreshStateDir.create());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        live.set(config);
        driver = new TopologyTestDriver(RouterTopology.build(RouterTopologyConfig.of(config,
                URI.create("https://router.example"), new SimpleMeterRegistry()), live::get), properties, T0);
        heartbeats = driver.createInputTopic("slo.heartbeat", new StringSerializer(), new ByteArraySerializer());
        notifications = driver.createOutputTopic(RouterTopics.DEFAULT.notifications(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldPageTheHeartbeatReceiverWhenThePipelineFallsSilentAndResolveWhenItComesBack() {
        heartbeat("RUNNING");
        advance(Duration.ofMinutes(1));
        heartbeat("RUNNING");
        advance(Duration.ofMinutes(2));
        assertThat(read()).isEmpty();

        advance(Duration.ofSeconds(1)); // 2m and 1s since the last heartbeat
        List<Notification> paged = read();
        assertThat(paged).singleElement().satisfies(page -> {
            assertThat(page.receiver()).isEqualTo("pipeline-pager");
            assertThat(page.status()).isEqualTo(AlertState.FIRING);
            assertThat(page.commonLabels()).containsEntry("alertname", "SLOPipelineSilent").containsEntry("severity", "page");
            assertThat(page.alerts().get(0).startsAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        });
        advance(Duration.ofMinutes(5));
        assertThat(read()).as("one page, not one per tick").isEmpty();

        heartbeat("RUNNING");
        advance(Duration.ofSeconds(1)); // the next heartbeat check sends the resolution to its group
        advance(Duration.ofMinutes(1)); // the group interval
        assertThat(read()).singleElement().satisfies(allClear -> {
            assertThat(allClear.receiver()).isEqualTo("pipeline-pager");
            assertThat(allClear.status()).isEqualTo(AlertState.RESOLVED);
        });
    }

    @Test
    void shouldCountAHeartbeatThatSaysTheAppIsNotRunningAsSilence() {
        heartbeat("RUNNING");
        advance(Duration.ofMinutes(1));
        heartbeat("ERROR");
        advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(read()).singleElement().satisfies(page ->
                assertThat(page.commonLabels()).containsEntry("alertname", "SLOPipelineSilent"));
    }

    @Test
    void shouldPageWhenNoHeartbeatEverArrives() {
        advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(read()).singleElement().satisfies(page -> assertThat(page.receiver()).isEqualTo("pipeline-pager"));
    }

    @Test
    void shouldTakeTheReloadedSilentAfter() {
        heartbeat("RUNNING");
        reload(CONFIG.replace("silent_after: 2m", "silent_after: 10m"));
        advance(Duration.ofMinutes(5));
        assertThat(read()).as("2m no longer counts").isEmpty();
        advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(read()).singleElement().satisfies(page -> assertThat(page.receiver()).isEqualTo("pipeline-pager"));
    }

    @Test
    void shouldResolveTheSilencePageWhenAReloadRemovesTheHeartbeat() {
        // routed by the tree, not by heartbeat.receiver: that receiver's route leaves with the section
        String routedByTheTree = CONFIG.replace("  receiver: pipeline-pager\n", "");
        reload(routedByTheTree);
        advance(Duration.ofMinutes(2).plusSeconds(31)); // silent_after, then the group wait
        assertThat(read()).singleElement().satisfies(page -> assertThat(page.status()).isEqualTo(AlertState.FIRING));
        reload(routedByTheTree.substring(0, routedByTheTree.indexOf("heartbeat:")));
        advance(Duration.ofSeconds(1)); // the next heartbeat check sends the resolution to its group
        advance(Duration.ofMinutes(1)); // the group interval
        assertThat(read()).singleElement().satisfies(allClear ->
                assertThat(allClear.status()).isEqualTo(AlertState.RESOLVED));
    }

    private void reload(String yaml) {
        live.set(RouterConfigLoader.parse("router.yml", yaml).orElseThrow());
    }

    private void heartbeat(String state) {
        String json = "{\"source\":\"streams-app\",\"instance\":\"i-1\",\"at\":\"" + now + "\",\"state\":\"" + state + "\"}";
        heartbeats.pipeInput("slo-pipeline/i-1", json.getBytes(StandardCharsets.UTF_8), now);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    private List<Notification> read() {
        return notifications.readRecordsToList().stream()
                .map(record -> ((Decoded.Ok<Notification>) new IntentCodec().decode(record.key(), record.value())).value())
                .toList();
    }
}
