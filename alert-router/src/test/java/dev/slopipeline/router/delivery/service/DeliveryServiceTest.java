package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.BrokerFixture;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import dev.slopipeline.router.delivery.PendingDelivery;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Notification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Intents on a real broker reach real HTTP receivers, and every outcome lands on router.deliveries. */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeliveryServiceTest {

    /** A bound: as long as the router's other integration tests, which share a busy machine with them. */
    private static final Duration WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    static final BrokerFixture broker = new BrokerFixture();

    private DispatchFixture kafka;

    @BeforeEach
    void freshTopics() {
        kafka = new DispatchFixture(broker);
    }

    /** Millisecond backoff; the primary gives up after two attempts when it has a fallback. */
    static RouterConfig config(LocalReceiver primary, LocalReceiver backup) {
        return DispatchFixture.config("""
                route: {receiver: team-shop}
                delivery: {retry_initial_backoff: 5ms, retry_max_backoff: 20ms, attempts_before_failover: 2}
                receivers:
                - name: team-shop
                  %s
                  webhook_configs: [{url: '%s'}]
                - name: backup
                  webhook_configs: [{url: '%s'}]
                """.formatted(backup == null ? "" : "fallback: backup", primary.url("/shop"),
                (backup == null ? primary : backup).url("/backup")));
    }

    @Test
    void shouldDeliverAPageAsAnAlertmanagerWebhookAndRecordIt() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200);
             DeliveryService service = kafka.service(config(receiver, null)).start()) {
            kafka.send(Samples.firing("page-1"));

            List<DeliveryOutcome> outcomes = kafka.outcomesUntilDelivered("page-1#0");

            LocalReceiver.Recorded request = receiver.onlyRequest();
            assertThat(request.path()).isEqualTo("/shop");
            assertThat(request.header("Idempotency-Key")).isEqualTo("page-1#0");
            JsonNode payload = new ObjectMapper().readTree(request.body());
            assertThat(payload.get("version").asText()).isEqualTo("4");
            assertThat(payload.get("receiver").asText()).isEqualTo("team-shop");
            assertThat(payload.get("status").asText()).isEqualTo("firing");
            assertThat(payload.get("groupKey").asText()).isEqualTo(Samples.GROUP_KEY);
            assertThat(payload.get("alerts")).hasSize(2);
            assertThat(payload.get("alerts").get(0).get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
            assertThat(outcomes).singleElement().isInstanceOfSatisfying(DeliveryOutcome.Delivered.class, delivered -> {
                assertThat(delivered.receiver()).isEqualTo("team-shop#0");
                assertThat(delivered.groupKey()).isEqualTo(Samples.GROUP_KEY);
                assertThat(delivered.attempts()).isEqualTo(1);
            });
            assertThat(service.failure()).isEmpty();
        }
        assertThat(kafka.committedOffset()).as("committed past the delivered intent").isEqualTo(1);
    }

    @Test
    void shouldKeepRetryingAReceiverThatIsDownUntilItTakesThePageOnce() throws Exception {
        CountDownLatch recovered = new CountDownLatch(1);
        try (LocalReceiver receiver = LocalReceiver.answering(
                     Reply.status(503, "down for maintenance"), Reply.status(503, "down for maintenance"),
                     Reply.after(recovered, Reply.status(200)));
             DeliveryService service = kafka.service(config(receiver, null)).start()) {
            kafka.send(Samples.firing("page-2"));
            receiver.awaitRequests(3, WAIT);

            assertThat(service.pending()).singleElement().satisfies(pending -> {
                assertThat(pending.notification().idempotencyKey()).isEqualTo("page-2#0");
                assertThat(pending.state().attempts()).isEqualTo(2);
                assertThat(pending.state().lastError()).isEqualTo("HTTP 503: down for maintenance");
            });
            assertThat(service.unfinishedIntents()).isEqualTo(1);
            recovered.countDown();

            assertThat(kafka.outcomesUntilDelivered("page-2#0")).extracting(DeliveryOutcome::outcome)
                    .containsExactly("retrying", "retrying", "delivered");
            assertThat(receiver.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("page-2#0", "page-2#0", "page-2#0");
        }
        assertThat(kafka.committedOffset()).isEqualTo(1);
    }

    @Test
    void shouldFailOverToTheFallbackReceiverUnderTheSameKey() throws Exception {
        try (LocalReceiver primary = LocalReceiver.answering(503);
             LocalReceiver backup = LocalReceiver.answering(202);
             DeliveryService service = kafka.service(config(primary, backup)).start()) {
            kafka.send(Samples.firing("page-3"));

            List<DeliveryOutcome> outcomes = kafka.outcomesUntilDelivered("page-3#0");

            assertThat(outcomes).extracting(DeliveryOutcome::outcome).containsExactly("retrying", "retrying", "delivered");
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(DeliveryOutcome.Retrying.class, failedOver ->
                    assertThat(failedOver.next().receiver()).isEqualTo("backup#0"));
            assertThat(outcomes.get(2).receiver()).isEqualTo("backup#0");
            assertThat(primary.requests()).hasSize(2).allSatisfy(r ->
                    assertThat(r.header("Idempotency-Key")).isEqualTo("page-3#0"));
            assertThat(backup.onlyRequest().header("Idempotency-Key")).isEqualTo("page-3#0");
            assertThat(new ObjectMapper().readTree(backup.onlyRequest().body()).get("receiver").asText())
                    .as("the payload still names the receiver the route chose").isEqualTo("team-shop");
            assertThat(service.pending()).extracting(PendingDelivery::notification).isEmpty();
        }
    }

    @Test
    void shouldDeliverANotificationReusingAKeyForOtherContentUnderAKeyOfItsOwn() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Notification other = Samples.group("page-5", "team-shop", List.of(Samples.latency(AlertState.FIRING)), null);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        try (LocalReceiver receiver = LocalReceiver.answering(200);
             DeliveryService service = kafka.service(config(receiver, null), registry).start()) {
            kafka.send(Samples.firing("page-5"));
            kafka.outcomesUntilDelivered("page-5#0");

            String derived;
            // slf4j-simple looks System.err up at every line, so this sees the service's log.
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                kafka.send(other);
                derived = kafka.derivedKeyDelivered("page-5#0");
            } finally {
                System.setErr(originalErr);
            }

            assertThat(derived).matches("page-5#0~[0-9a-f]{12}");
            assertThat(receiver.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("page-5#0", derived);
            assertThat(new ObjectMapper().readTree(receiver.requests().get(1).body()).get("alerts"))
                    .as("the second notification's own alerts").hasSize(1);
            assertThat(DispatchFixture.keyConflicts(registry)).isEqualTo(1);
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("ERROR")
                    .contains("idempotency key page-5#0 (group " + Samples.GROUP_KEY + ", receiver team-shop#0)")
                    .contains("delivering it under key " + derived);

            kafka.send(other);
            // Intents are handled in order: once the next one is delivered, the repeat has been looked at.
            kafka.send(Samples.firing("page-6"));
            kafka.outcomesUntilDelivered("page-6#0");

            assertThat(receiver.requests()).as("the repeat of the second notification is not delivered again")
                    .extracting(r -> r.header("Idempotency-Key")).containsExactly("page-5#0", derived, "page-6#0");
            assertThat(DispatchFixture.keyConflicts(registry)).as("each intent read with a reused key counts")
                    .isEqualTo(2);
            assertThat(service.failure()).isEmpty();
        }
    }

    @Test
    void shouldDeliverARedoOfANotificationOnceWhateverItsAcknowledgement() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Notification page = Samples.firing("page-7");
        try (LocalReceiver receiver = LocalReceiver.answering(200);
             DeliveryService service = kafka.service(config(receiver, null), registry).start()) {
            kafka.send(page);
            kafka.outcomesUntilDelivered("page-7#0");
            kafka.send(Samples.group("page-7", "team-shop", page.alerts(),
                    new Acknowledgement("alice", Samples.STARTED.plusSeconds(60))));
            kafka.send(Samples.resolved("page-8"));
            kafka.outcomesUntilDelivered("page-8#0");

            assertThat(receiver.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("page-7#0", "page-8#0");
            assertThat(DispatchFixture.keyConflicts(registry)).isZero();
            assertThat(service.failure()).isEmpty();
        }
    }

    @Test
    void shouldRecordWhatNoReceiverCanTakeAsFailedAndMoveOn() throws Exception {
        try (LocalReceiver receiver = LocalReceiver.answering(200);
             DeliveryService service = kafka.service(config(receiver, null)).start()) {
            kafka.sendRaw("garbled-1", "{\"receiver\":".getBytes(StandardCharsets.UTF_8));
            kafka.send(Samples.group("lost-1", "team-shoe", Samples.firing("x").alerts(), null));
            kafka.send(Samples.firing("page-4"));

            List<DeliveryOutcome> outcomes = kafka.outcomesUntilDelivered("page-4#0");

            assertThat(outcomes).filteredOn(o -> o instanceof DeliveryOutcome.FailedPermanently)
                    .extracting(DeliveryOutcome::idempotencyKey, o -> ((DeliveryOutcome.FailedPermanently) o).error())
                    .containsExactly(
                            tuple("garbled-1", "unreadable intent: not JSON: Unexpected"
                                    + " end-of-input within/between Object entries"),
                            tuple("lost-1", "no receiver named team-shoe in the router"
                                    + " config (known: [team-shop, backup])"));
            assertThat(receiver.onlyRequest().header("Idempotency-Key")).isEqualTo("page-4#0");
            assertThat(service.failure()).isEmpty();
        }
        assertThat(kafka.committedOffset()).isEqualTo(3);
    }
}
