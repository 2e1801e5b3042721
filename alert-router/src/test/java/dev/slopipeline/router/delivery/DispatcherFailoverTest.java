package dev.slopipeline.router.delivery;

import static dev.slopipeline.router.delivery.DeliveryHarness.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import org.junit.jupiter.api.Test;

/** A receiver that keeps failing hands its notifications to its fallback, as a second DNS provider takes over. */
class DispatcherFailoverTest {

    private final DeliveryHarness harness = new DeliveryHarness();

    @Test
    void shouldFailOverAfterTheConfiguredNumberOfFailedAttempts() throws Exception {
        try (LocalReceiver primary = LocalReceiver.answering(503);
             LocalReceiver secondary = LocalReceiver.answering(200)) {
            Dispatcher dispatcher = harness.dispatcher(POLICY,
                    harness.webhook("team-shop", primary, "team-shop-backup"),
                    harness.webhook("team-shop-backup", secondary, null));

            dispatcher.submit(Samples.firing("intent-1"));
            harness.settle(dispatcher, 10);

            assertThat(primary.requests()).hasSize(POLICY.attemptsBeforeFailover());
            assertThat(secondary.requests()).singleElement()
                    .satisfies(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("intent-1"))
                    .satisfies(r -> assertThat(new ObjectMapper().readTree(r.body()).get("receiver").asText())
                            .as("the payload still names the receiver the route chose")
                            .isEqualTo("team-shop"));
            DeliveryOutcome.Retrying handover = harness.outcomes(DeliveryOutcome.Retrying.class).get(2);
            assertThat(handover.receiver()).isEqualTo("team-shop");
            assertThat(handover.next().receiver()).isEqualTo("team-shop-backup");
            assertThat(handover.next().nextAttemptAt()).as("the fallback is tried at once").isEqualTo(handover.at());
            assertThat(harness.outcomes(DeliveryOutcome.Delivered.class)).singleElement()
                    .isEqualTo(new DeliveryOutcome.Delivered("intent-1", Samples.GROUP_KEY, "team-shop-backup", 4,
                            handover.at(), harness.outcomes(DeliveryOutcome.Delivered.class).get(0).latency()));
        }
    }

    @Test
    void shouldFailOverAtOnceWhenTheReceiverRefusesForGood() {
        try (LocalReceiver primary = LocalReceiver.answering(Reply.status(410, "channel_is_archived"));
             LocalReceiver secondary = LocalReceiver.answering(200)) {
            Dispatcher dispatcher = harness.dispatcher(POLICY,
                    harness.webhook("slack-shop", primary, "pager-shop"),
                    harness.webhook("pager-shop", secondary, null));

            dispatcher.submit(Samples.group("intent-2", "slack-shop", Samples.firing("x").alerts(), null));
            dispatcher.deliverDue();
            dispatcher.deliverDue();

            assertThat(primary.requests()).hasSize(1);
            assertThat(secondary.requests()).hasSize(1);
            assertThat(harness.outcomes).extracting(DeliveryOutcome::outcome, DeliveryOutcome::receiver)
                    .containsExactly(
                            tuple("retrying", "slack-shop"),
                            tuple("delivered", "pager-shop"));
        }
    }

    @Test
    void shouldKeepAnUndeliverableNotificationPendingOnTheLastFallbackWithItsLastError() {
        try (LocalReceiver primary = LocalReceiver.answering(503);
             LocalReceiver secondary = LocalReceiver.answering(Reply.status(502, "bad gateway"))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY,
                    harness.webhook("team-shop", primary, "team-shop-backup"),
                    harness.webhook("team-shop-backup", secondary, null));

            dispatcher.submit(Samples.firing("intent-3"));
            harness.settle(dispatcher, 12);

            assertThat(dispatcher.pending()).singleElement().satisfies(p -> {
                assertThat(p.notification().idempotencyKey()).isEqualTo("intent-3");
                assertThat(p.state().receiver()).isEqualTo("team-shop-backup");
                assertThat(p.state().attempts()).isEqualTo(12);
                assertThat(p.state().attemptsOnReceiver()).isEqualTo(9);
                assertThat(p.state().lastError()).isEqualTo("HTTP 502: bad gateway");
                assertThat(p.state().nextAttemptAt()).isAfter(harness.clock.instant());
            });
            assertThat(harness.outcomes(DeliveryOutcome.FailedPermanently.class)).isEmpty();
            // Backoff grows to the cap and stays there: full jitter at 0.5 means half the cap.
            assertThat(dispatcher.nextDueAt()).contains(harness.clock.instant().plus(POLICY.cap().dividedBy(2)));
        }
    }
}
