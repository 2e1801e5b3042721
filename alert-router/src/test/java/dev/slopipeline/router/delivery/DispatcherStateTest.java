package dev.slopipeline.router.delivery;

import static dev.slopipeline.router.delivery.DeliveryHarness.POLICY;
import static dev.slopipeline.router.delivery.DeliveryHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the dispatcher remembers and reports: pending deliveries, superseded snapshots, metrics. */
class DispatcherStateTest {

    private final DeliveryHarness harness = new DeliveryHarness();

    @Test
    void shouldCountOutcomesTimeAttemptsAndGaugePendingDeliveries() {
        try (LocalReceiver server = LocalReceiver.answering(Reply.status(500), Reply.status(500), Reply.status(200))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));
            dispatcher.submit(Samples.firing("intent-1"));
            assertThat(harness.registry.get(DeliveryMetrics.PENDING).gauge().value()).isEqualTo(1);

            harness.settle(dispatcher, 5);

            assertThat(harness.count("team-shop", "retrying")).isEqualTo(2);
            assertThat(harness.count("team-shop", "delivered")).isEqualTo(1);
            assertThat(harness.registry.get(DeliveryMetrics.LATENCY).tag("receiver", "team-shop")
                    .tag("outcome", "retrying").timer().count()).isEqualTo(2);
            assertThat(harness.registry.get(DeliveryMetrics.LATENCY).tag("outcome", "delivered").timer().count())
                    .isEqualTo(1);
            assertThat(harness.registry.get(DeliveryMetrics.LATENCY).tag("outcome", "delivered").timer().takeSnapshot()
                    .histogramCounts()).as("buckets, for histogram_quantile across instances").hasSize(12)
                    .extracting(bucket -> bucket.count()).endsWith(1.0);
            assertThat(harness.registry.get(DeliveryMetrics.PENDING).gauge().value()).isZero();
        }
    }

    @Test
    void shouldIgnoreARepeatOfAPendingNotification() {
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));

            dispatcher.submit(Samples.firing("intent-2"));
            dispatcher.submit(Samples.firing("intent-2"));
            dispatcher.deliverDue();

            assertThat(server.requests()).hasSize(1);
            assertThat(harness.outcomes).singleElement().isInstanceOf(DeliveryOutcome.Delivered.class);
        }
    }

    @Test
    void shouldReplaceAWaitingNotificationWithANewerOneForTheSameGroup() {
        try (LocalReceiver server = LocalReceiver.answering(Reply.status(503), Reply.status(200))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));
            dispatcher.submit(Samples.firing("intent-firing"));
            dispatcher.deliverDue();

            dispatcher.submit(Samples.resolved("intent-resolved"));

            assertThat(harness.outcomes(DeliveryOutcome.Superseded.class)).singleElement().isEqualTo(
                    new DeliveryOutcome.Superseded("intent-firing", Samples.GROUP_KEY, "team-shop", 1, T0,
                            "intent-resolved"));
            assertThat(dispatcher.pending()).extracting(p -> p.notification().idempotencyKey())
                    .containsExactly("intent-resolved");
            assertThat(dispatcher.nextDueAt()).as("the newer one goes out now").contains(T0);
            dispatcher.deliverDue();
            assertThat(server.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("intent-firing", "intent-resolved");
        }
    }

    @Test
    void shouldLetAnAttemptUnderWayFinishBeforeItsSuccessorGoesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalReceiver server = LocalReceiver.answering(
                Reply.after(release, Reply.status(503)), Reply.status(200))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));
            dispatcher.submit(Samples.firing("intent-firing"));
            CompletableFuture<Integer> firstRound = CompletableFuture.supplyAsync(dispatcher::deliverDue);
            server.awaitRequests(1, Duration.ofSeconds(5));

            dispatcher.submit(Samples.resolved("intent-resolved"));
            assertThat(dispatcher.pending()).extracting(p -> p.notification().idempotencyKey())
                    .containsExactly("intent-firing", "intent-resolved");
            assertThat(dispatcher.deliverDue()).as("nothing else may go to this receiver and group meanwhile")
                    .isZero();

            release.countDown();
            assertThat(firstRound.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(harness.outcomes).extracting(DeliveryOutcome::outcome)
                    .containsExactly("retrying", "superseded");
            dispatcher.deliverDue();
            assertThat(server.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("intent-firing", "intent-resolved");
            assertThat(dispatcher.pending()).isEmpty();
        }
    }

    @Test
    void shouldReportANotificationForAnUnknownReceiverInsteadOfDroppingIt() {
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));

            dispatcher.submit(Samples.group("intent-3", "team-shoe", Samples.firing("x").alerts(), null));

            assertThat(harness.outcomes(DeliveryOutcome.FailedPermanently.class)).singleElement()
                    .satisfies(f -> assertThat(f.error()).isEqualTo("no receiver named team-shoe (known: [team-shop])"));
            assertThat(dispatcher.pending()).isEmpty();
            assertThat(harness.count("team-shoe", "failed_permanently")).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepDeliveringWhenTheListenerThrows() {
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Dispatcher dispatcher = Dispatcher.builder(
                            Receivers.of(harness.webhook("team-shop", server, null)), harness.registry)
                    .clock(harness.clock)
                    .listener(outcome -> {
                        throw new IllegalStateException("topic unavailable");
                    })
                    .build();

            dispatcher.submit(Samples.firing("intent-4"));
            dispatcher.submit(Samples.group("intent-5", "team-shop", Samples.firing("x").alerts(), null));
            dispatcher.deliverDue();

            assertThat(harness.count("team-shop", "delivered")).isEqualTo(1);
            assertThat(harness.count("team-shop", "superseded")).isEqualTo(1);
            assertThat(dispatcher.pending()).isEmpty();
        }
    }
    @Test
    void shouldForgetAWithdrawnNotificationWithoutReportingIt() {
        try (LocalReceiver server = LocalReceiver.answering(503)) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));
            dispatcher.submit(Samples.firing("intent-6"));
            dispatcher.deliverDue();

            assertThat(dispatcher.withdraw("intent-6")).isTrue();

            assertThat(dispatcher.pending()).isEmpty();
            assertThat(dispatcher.nextDueAt()).isEmpty();
            assertThat(harness.outcomes).extracting(DeliveryOutcome::outcome).containsExactly("retrying");
            assertThat(dispatcher.withdraw("intent-6")).as("no longer pending").isFalse();
        }
    }

    @Test
    void shouldReportAWithdrawnAttemptUnderWayButNotRetryIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalReceiver server = LocalReceiver.answering(Reply.after(release, Reply.status(503)))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));
            dispatcher.submit(Samples.firing("intent-7"));
            CompletableFuture<Integer> round = CompletableFuture.supplyAsync(dispatcher::deliverDue);
            server.awaitRequests(1, Duration.ofSeconds(5));

            assertThat(dispatcher.withdraw("intent-7")).isTrue();
            release.countDown();
            round.get(5, TimeUnit.SECONDS);

            assertThat(harness.outcomes).extracting(DeliveryOutcome::outcome).containsExactly("retrying");
            assertThat(dispatcher.pending()).isEmpty();
        }
    }
}
