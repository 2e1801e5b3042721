package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import dev.slopipeline.router.delivery.Samples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A service that dies mid-way and a successor on the same topics and group: the page is never lost, and a receiver
 * that already took it is not sent it again. A service that stops cleanly hands its partitions on at once.
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeliveryServiceRecoveryTest {

    /** A bound: as long as the router's other integration tests, which share a busy machine with them. */
    private static final Duration WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    private DispatchFixture kafka;

    @BeforeEach
    void freshTopics() {
        kafka = new DispatchFixture(broker);
    }

    private static RouterConfig config(LocalReceiver receiver) {
        return DispatchFixture.config("""
                route: {receiver: team-shop}
                delivery: {retry_initial_backoff: 5ms, retry_max_backoff: 20ms}
                receivers:
                - name: team-shop
                  webhook_configs: [{url: '%s'}]
                """.formatted(receiver.url("/shop")));
    }

    @Test
    void shouldDeliverAPageWhoseServiceDiedBeforeTheReceiverAnswered() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.hanging(), Reply.status(200))) {
            DeliveryService first = kafka.service(config(receiver)).start();
            kafka.send(Samples.firing("page-1"));
            receiver.awaitRequests(1, WAIT);

            first.crash();

            try (DeliveryService second = kafka.service(config(receiver)).start()) {
                kafka.outcomesUntilDelivered("page-1#0");
                assertThat(second.failure()).isEmpty();
            }
            assertThat(receiver.requests()).hasSize(2).allSatisfy(request ->
                    assertThat(request.header("Idempotency-Key")).isEqualTo("page-1#0"));
            assertThat(kafka.allOutcomes()).filteredOn(o -> o instanceof DeliveryOutcome.Delivered)
                    .extracting(DeliveryOutcome::idempotencyKey).containsExactly("page-1#0");
            assertThat(kafka.committedOffset()).isEqualTo(1);
        }
    }

    @Test
    void shouldResumeARetryingDeliveryWhereItsRecordLeftIt() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.status(503), Reply.hanging(), Reply.status(200))) {
            DeliveryService first = kafka.service(config(receiver)).start();
            kafka.send(Samples.firing("page-4"));
            kafka.outcomesUntil(read -> read.stream().anyMatch(o -> o instanceof DeliveryOutcome.Retrying));
            receiver.awaitRequests(2, WAIT);

            first.crash();

            try (DeliveryService second = kafka.service(config(receiver)).start()) {
                List<DeliveryOutcome> outcomes = kafka.outcomesUntilDelivered("page-4#0");
                assertThat(outcomes).extracting(DeliveryOutcome::outcome).containsExactly("retrying", "delivered");
                assertThat(outcomes.get(1).attempts())
                        .as("the recorded attempt counts; the one cut short by the crash left no record")
                        .isEqualTo(2);
                assertThat(second.failure()).isEmpty();
            }
            assertThat(receiver.requests()).hasSize(3).allSatisfy(request ->
                    assertThat(request.header("Idempotency-Key")).isEqualTo("page-4#0"));
        }
    }

    @Test
    void shouldTellAKeyReusedForOtherContentFromTheRecordsOfAnEarlierRun() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            try (DeliveryService first = kafka.service(config(receiver)).start()) {
                kafka.send(Samples.firing("page-5"));
                kafka.outcomesUntilDelivered("page-5#0");
            }

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (DeliveryService second = kafka.service(config(receiver), registry).start()) {
                // Only router.deliveries tells the successor what page-5#0 was used for.
                kafka.send(Samples.resolved("page-5"));
                String derived = kafka.derivedKeyDelivered("page-5#0");

                assertThat(receiver.requests()).extracting(request -> request.header("Idempotency-Key"))
                        .containsExactly("page-5#0", derived);
                assertThat(DispatchFixture.keyConflicts(registry)).isEqualTo(1);
                assertThat(second.failure()).isEmpty();
            }
        }
    }

    @Test
    void shouldLetAnotherInstanceDeliverAtOnceOnceAStaticMemberStopped() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            try (DeliveryService first = kafka.service(config(receiver)).settings(kafka.settingsOfInstance("router-a")).start()) {
                kafka.send(Samples.firing("page-6"));
                kafka.outcomesUntilDelivered("page-6#0");
            }

            // as after a scale-in: another instance; a static member still in the group would hold the partition for
            // its 45 s session, far past the fixture's deadline
            try (DeliveryService second = kafka.service(config(receiver)).settings(kafka.settingsOfInstance("router-b"))
                    .start()) {
                kafka.send(Samples.firing("page-7"));
                kafka.outcomesUntilDelivered("page-7#0");
                assertThat(second.failure()).isEmpty();
            }
            assertThat(receiver.requests()).extracting(request -> request.header("Idempotency-Key"))
                    .containsExactly("page-6#0", "page-7#0");
        }
    }

    @Test
    void shouldNotDeliverAgainAPageDeliveredJustBeforeTheServiceDied() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200)) {
            // Commits never come due before the crash, so the intent is read again by the successor.
            DeliveryService first = kafka.service(config(receiver))
                    .settings(kafka.settings(DeliverySettings.DEFAULT_MAX_UNFINISHED_INTENTS, Duration.ofHours(1))).start();
            kafka.send(Samples.firing("page-2"));
            kafka.outcomesUntilDelivered("page-2#0");

            first.crash();
            assertThat(kafka.committedOffset()).as("the crash left the intent uncommitted").isEqualTo(-1);

            try (DeliveryService second = kafka.service(config(receiver)).start()) {
                // Intents are handled in order: once the next one is delivered, the first has been looked at.
                kafka.send(Samples.resolved("page-3"));
                kafka.outcomesUntilDelivered("page-3#0");
                assertThat(second.failure()).isEmpty();
            }
            assertThat(receiver.requests()).extracting(request -> request.header("Idempotency-Key"))
                    .containsExactly("page-2#0", "page-3#0");
            List<DeliveryOutcome> outcomes = kafka.allOutcomes();
            assertThat(outcomes).extracting(DeliveryOutcome::idempotencyKey).containsExactly("page-2#0", "page-3#0");
            assertThat(kafka.committedOffset()).isEqualTo(2);
        }
    }
}
