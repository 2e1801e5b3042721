package dev.slopipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kit's topic bootstrap against a real broker, two clients starting at the same moment. It lives here because
 * this is the lowest module with a broker to start; kit itself has none.
 */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopicBootstrapIntegrationTest {

    private static final int ROUNDS = 25;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker broker;
    private static Admin creator;
    private static Admin bootstrapping;
    private static ExecutorService bothAtOnce;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().start();
        creator = admin();
        bootstrapping = admin();
        bothAtOnce = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopBroker() {
        bothAtOnce.shutdownNow();
        creator.close();
        bootstrapping.close();
        broker.close();
    }

    @Test
    void shouldGiveATopicPartitionedLikeAnotherTheCountOfThatOtherWhileItIsBeingCreated() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String source = "race-" + round + ".alerts";
            String derived = "race-" + round + ".pages";
            int partitions = 2 + round % 4;

            race(() -> createTopic(source, partitions),
                    () -> new TopicBootstrap(bootstrapping, WAIT).ensure(List.of(
                            WantedTopic.partitionedLike(derived, source))));

            assertThat(partitionsOf(derived)).as("round %d", round).isEqualTo(partitions);
        }
    }

    @Test
    void shouldTakeTheCountOfWhicheverClientCreatedTheSourceWhenBothWantIt() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            String source = "both-" + round + ".alerts";
            String derived = "both-" + round + ".incident-commands";

            race(() -> new TopicBootstrap(creator, WAIT).ensure(List.of(WantedTopic.withPartitions(source, 5))),
                    () -> new TopicBootstrap(bootstrapping, WAIT).ensure(List.of(
                            WantedTopic.withPartitions(source, 2), WantedTopic.partitionedLike(derived, source))));

            assertThat(partitionsOf(derived)).as("round %d", round).isEqualTo(partitionsOf(source));
        }
    }

    @Test
    void shouldLeaveAnExistingTopicWithAnotherCountThanItsSourceAsItIs() {
        // as an earlier deployment left them
        new TopicBootstrap(creator, WAIT).ensure(List.of(WantedTopic.withPartitions("kept.alerts", 3),
                WantedTopic.withPartitions("kept.pages", 1)));

        List<String> created = new TopicBootstrap(bootstrapping, WAIT).ensure(List.of(
                WantedTopic.withPartitions("kept.alerts", 3), WantedTopic.partitionedLike("kept.pages", "kept.alerts")));

        assertThat(created).isEmpty();
        assertThat(partitionsOf("kept.pages")).isEqualTo(1);
    }

    @Test
    void shouldSayWhichTopicItWaitedForInVainAndWhatCouldNotBeCreated() {
        TopicBootstrap impatient = new TopicBootstrap(bootstrapping, Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.ensure(List.of(WantedTopic.partitionedLike("orphan.pages",
                "never.created"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The broker still did not know topic(s) never.created after PT0.5S, so orphan.pages "
                        + "cannot be given as many partitions");
    }

    /** Runs both at the same moment and waits for both; a failure of either fails the test. */
    private static void race(Callable<?> one, Callable<?> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<?> first = bothAtOnce.submit(() -> {
            start.await();
            return one.call();
        });
        Future<?> second = bothAtOnce.submit(() -> {
            start.await();
            return other.call();
        });
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Void createTopic(String name, int partitions) {
        KafkaFutures.await(creator.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(), WAIT,
                "create topic " + name);
        return null;
    }

    private static int partitionsOf(String topic) {
        return KafkaFutures.await(creator.describeTopics(List.of(topic)).allTopicNames(), WAIT, "describe " + topic)
                .get(topic).partitions().size();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
