package dev.slopipeline.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The router topology as one streams client on the test broker, exactly once, until it is stopped at once as a crash
 * would stop it: how the integration tests restart the router.
 */
final class TopologyRun {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private TopologyRun(KafkaStreams streams) {
        this.streams = streams;
    }

    /** @param time the client's clock: {@code Time.SYSTEM}, or one set ahead as if the router had been down */
    static TopologyRun start(BrokerFixture broker, String applicationId, RouterTopics topics, RouterConfig config,
                             Path stateDir, Time time) {
        RouterTopologyConfig topologyConfig = new RouterTopologyConfig(config, topics, Duration.ofMillis(200),
                URI.create("https://router.example"), DefaultInhibition.ON, new SimpleMeterRegistry());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        TopologyRun run = new TopologyRun(new KafkaStreams(RouterTopology.build(topologyConfig), properties, time));
        run.streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                run.stopped.countDown();
            }
        });
        run.streams.start();
        return run;
    }

    /**
     * Returns without waiting for a clean shutdown, and leaves the group so the next client need not wait for a
     * session timeout; then waits until the threads are gone, as the state directory can have one owner only.
     */
    void stopAtOnce() throws InterruptedException {
        streams.close(CloseOptions.timeout(Duration.ZERO)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        assertThat(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("streams client stopped").isTrue();
    }

    /**
     * Creates the router's topics as the app would, by hand so that a test chooses the partitions: the topics keyed by
     * SLO ({@code slo.alerts}, incident commands, pages) get {@code sloPartitions}, {@code router.groups} gets
     * {@code groupPartitions}, the others one.
     */
    static void createTopics(BrokerFixture broker, RouterTopics topics, int sloPartitions, int groupPartitions)
            throws Exception {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        broker.createTopics(List.of(
                new NewTopic(topics.alerts(), sloPartitions, (short) 1),
                new NewTopic(topics.commands(), 1, (short) 1),
                new NewTopic(topics.silences(), 1, (short) 1).configs(compacted),
                new NewTopic(topics.notifications(), 1, (short) 1),
                new NewTopic(topics.deadLetters(), 1, (short) 1),
                new NewTopic(topics.incidentCommands(), sloPartitions, (short) 1),
                new NewTopic(topics.incidents(), 1, (short) 1).configs(compacted),
                new NewTopic(topics.groups(), groupPartitions, (short) 1),
                new NewTopic(topics.pages(), sloPartitions, (short) 1),
                new NewTopic(topics.activeAlerts(), 1, (short) 1).configs(compacted),
                new NewTopic(topics.postedAlerts(), sloPartitions, (short) 1)));
    }
}
