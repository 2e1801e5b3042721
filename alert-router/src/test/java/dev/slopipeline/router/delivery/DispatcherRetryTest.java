package dev.slopipeline.router.delivery;

import static dev.slopipeline.router.delivery.DeliveryHarness.POLICY;
import static dev.slopipeline.router.delivery.DeliveryHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries against real local receivers: what is retried, when, and what is not. */
class DispatcherRetryTest {

    private final DeliveryHarness harness = new DeliveryHarness();

    @Test
    void shouldDeliverExactlyOnceAfterTransientServerErrorsWithTheSameIdempotencyKey() {
        RetryPolicy patient = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10);
        try (LocalReceiver server = LocalReceiver.answering(
                Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(200))) {
            Dispatcher dispatcher = harness.dispatcher(patient, harness.webhook("team-shop", server, null));

            dispatcher.submit(Samples.firing("intent-1"));
            harness.settle(dispatcher, 10);

            assertThat(server.requests()).hasSize(4)
                    .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("intent-1"));
            assertThat(harness.outcomes(DeliveryOutcome.Delivered.class)).singleElement()
                    .satisfies(d -> assertThat(d.attempts()).isEqualTo(4))
                    .satisfies(d -> assertThat(d.receiver()).isEqualTo("team-shop"));
            // Full jitter at 0.5: half of a ceiling that doubles from 1 s.
            assertThat(harness.outcomes(DeliveryOutcome.Retrying.class))
                    .extracting(r -> r.next().nextAttemptAt())
                    .containsExactly(T0.plusMillis(500), T0.plusMillis(500 + 1000), T0.plusMillis(1500 + 2000));
            assertThat(dispatcher.pending()).isEmpty();
        }
    }

    @Test
    void shouldWaitAsLongAsRetryAfterSays() {
        try (LocalReceiver server = LocalReceiver.answering(
                Reply.withHeader(429, "Retry-After", "7"), Reply.status(200))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));

            dispatcher.submit(Samples.firing("intent-2"));
            dispatcher.deliverDue();
            assertThat(dispatcher.nextDueAt()).contains(T0.plusSeconds(7));

            harness.clock.advance(Duration.ofMillis(6999));
            assertThat(dispatcher.deliverDue()).isZero();
            assertThat(server.requests()).hasSize(1);

            harness.clock.advance(Duration.ofMillis(1));
            dispatcher.deliverDue();
            assertThat(server.requests()).hasSize(2);
            assertThat(harness.outcomes(DeliveryOutcome.Delivered.class)).hasSize(1);
        }
    }

    @Test
    void shouldCapARetryAfterLongerThanThePolicyAllows() {
        try (LocalReceiver server = LocalReceiver.answering(Reply.withHeader(503, "Retry-After", "86400"))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));

            dispatcher.submit(Samples.firing("intent-3"));
            dispatcher.deliverDue();

            assertThat(dispatcher.nextDueAt()).contains(T0.plus(POLICY.cap()));
        }
    }

    @Test
    void shouldNotRetryAClientErrorAndReportItAsPermanent() {
        try (LocalReceiver server = LocalReceiver.answering(Reply.status(400, "unknown field \"groupKey\""))) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));

            dispatcher.submit(Samples.firing("intent-4"));
            harness.settle(dispatcher, 10);

            assertThat(server.requests()).hasSize(1);
            assertThat(harness.outcomes).singleElement().isEqualTo(new DeliveryOutcome.FailedPermanently(
                    "intent-4", Samples.GROUP_KEY, "team-shop", 1, T0, "HTTP 400: unknown field \"groupKey\""));
            assertThat(dispatcher.pending()).isEmpty();
            assertThat(dispatcher.nextDueAt()).isEmpty();
        }
    }

    @Test
    void shouldRetryAReceiverThatDoesNotAnswerInTime() {
        try (LocalReceiver server = LocalReceiver.answering(Reply.hanging(), Reply.status(200))) {
            Receiver slow = new Receiver("team-shop", harness.webhook,
                    Target.of(server.url("/hook")).withTimeout(Duration.ofMillis(250)));
            Dispatcher dispatcher = harness.dispatcher(POLICY, slow);

            dispatcher.submit(Samples.firing("intent-5"));
            dispatcher.deliverDue();

            assertThat(harness.outcomes(DeliveryOutcome.Retrying.class)).singleElement()
                    .satisfies(r -> assertThat(r.error()).isEqualTo("no answer within PT0.25S"))
                    .satisfies(r -> assertThat(r.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(250)));
            harness.settle(dispatcher, 5);
            assertThat(harness.outcomes(DeliveryOutcome.Delivered.class)).hasSize(1);
            assertThat(server.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("intent-5", "intent-5");
        }
    }

    @Test
    void shouldRetryWhenTheConnectionIsRefused() {
        Receiver nobody = new Receiver("team-shop", harness.webhook,
                Target.of(URI.create("http://127.0.0.1:" + LocalReceiver.unusedPort() + "/hook")));
        Dispatcher dispatcher = harness.dispatcher(POLICY, nobody);

        dispatcher.submit(Samples.firing("intent-6"));
        dispatcher.deliverDue();

        assertThat(harness.outcomes(DeliveryOutcome.Retrying.class)).singleElement()
                .satisfies(r -> assertThat(r.error()).startsWith("cannot connect"));
        List<PendingDelivery> pending = dispatcher.pending();
        assertThat(pending).singleElement().satisfies(p -> {
            assertThat(p.notification().idempotencyKey()).isEqualTo("intent-6");
            assertThat(p.state().attempts()).isEqualTo(1);
            assertThat(p.state().lastError()).startsWith("cannot connect");
            assertThat(p.state().nextAttemptAt()).isEqualTo(T0.plusMillis(500));
        });
    }

    @Test
    void shouldKeepAChannelBugFromLosingTheNotification() {
        Channel broken = (n, t) -> {
            throw new IllegalStateException("bug at " + t.url());
        };
        Dispatcher dispatcher = harness.dispatcher(POLICY,
                new Receiver("team-shop", broken, Target.of(URI.create("https://hooks.example/secret-path"))));

        dispatcher.submit(Samples.firing("intent-7"));
        dispatcher.deliverDue();

        assertThat(dispatcher.pending()).singleElement().satisfies(p -> assertThat(p.state().lastError())
                .isEqualTo("channel failed unexpectedly: java.lang.IllegalStateException"));
    }

    @Test
    void shouldStartAResumedDeliveryWhereThePreviousRunLeftIt() {
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Dispatcher dispatcher = harness.dispatcher(POLICY, harness.webhook("team-shop", server, null));
            Instant due = T0.plusSeconds(20);

            dispatcher.resume(new PendingDelivery(Samples.firing("intent-8"),
                    new RetryState("team-shop", 5, 2, due, "HTTP 502")));

            assertThat(dispatcher.deliverDue()).isZero();
            harness.clock.set(due);
            dispatcher.deliverDue();
            assertThat(harness.outcomes(DeliveryOutcome.Delivered.class)).singleElement()
                    .satisfies(d -> assertThat(d.attempts()).isEqualTo(6));
        }
    }
}
