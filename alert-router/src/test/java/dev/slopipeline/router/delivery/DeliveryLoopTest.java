package dev.slopipeline.router.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.delivery.webhook.WebhookChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The production driver, on the real clock: retries happen by themselves, with millisecond backoff. */
class DeliveryLoopTest {

    @Test
    @Timeout(10)
    void shouldRetryOnItsOwnUntilDelivered() throws Exception {
        Clock clock = Clock.systemUTC();
        CompletableFuture<DeliveryOutcome> delivered = new CompletableFuture<>();
        try (LocalReceiver server = LocalReceiver.answering(Reply.status(503), Reply.status(503), Reply.status(200))) {
            Receiver receiver = new Receiver("team-shop",
                    new WebhookChannel(new JsonPoster(JsonPoster.defaultClient(), clock), clock),
                    Target.of(server.url("/hook")));
            Dispatcher dispatcher = Dispatcher.builder(Receivers.of(receiver), new SimpleMeterRegistry())
                    .retryPolicy(new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 5))
                    .clock(clock)
                    .listener(outcome -> {
                        if (outcome instanceof DeliveryOutcome.Delivered) {
                            delivered.complete(outcome);
                        }
                    })
                    .build();

            try (DeliveryLoop loop = new DeliveryLoop(dispatcher, clock)) {
                loop.start();
                loop.submit(Samples.firing("intent-1"));

                assertThat(delivered.get(5, TimeUnit.SECONDS).attempts()).isEqualTo(3);
            }
            assertThat(server.requests()).hasSize(3);
            assertThat(dispatcher.pending()).isEmpty();
        }
    }

    @Test
    @Timeout(10)
    void shouldLeaveAnInterruptedAttemptPendingWhenClosed() throws Exception {
        Clock clock = Clock.systemUTC();
        try (LocalReceiver server = LocalReceiver.answering(Reply.hanging())) {
            Receiver receiver = new Receiver("team-shop",
                    new WebhookChannel(new JsonPoster(JsonPoster.defaultClient(), clock), clock),
                    Target.of(server.url("/hook")).withTimeout(Duration.ofSeconds(30)));
            Dispatcher dispatcher = Dispatcher.builder(Receivers.of(receiver), new SimpleMeterRegistry())
                    .clock(clock)
                    .build();
            DeliveryLoop loop = new DeliveryLoop(dispatcher, clock);
            loop.submit(Samples.firing("intent-2"));
            server.awaitRequests(1, Duration.ofSeconds(5));

            loop.close();

            assertThat(dispatcher.pending()).singleElement()
                    .satisfies(p -> assertThat(p.state().lastError()).isEqualTo("interrupted while waiting for an answer"));
        }
    }
    @Test
    @Timeout(10)
    void shouldResumeAPersistedDeliveryWhenItIsDue() throws Exception {
        Clock clock = Clock.systemUTC();
        CompletableFuture<DeliveryOutcome> delivered = new CompletableFuture<>();
        try (LocalReceiver server = LocalReceiver.answering(200)) {
            Receiver receiver = new Receiver("team-shop",
                    new WebhookChannel(new JsonPoster(JsonPoster.defaultClient(), clock), clock),
                    Target.of(server.url("/hook")));
            Dispatcher dispatcher = Dispatcher.builder(Receivers.of(receiver), new SimpleMeterRegistry())
                    .clock(clock)
                    .listener(delivered::complete)
                    .build();
            RetryState persisted = new RetryState("team-shop", 4, 4, clock.instant().plusMillis(50), "HTTP 503");

            try (DeliveryLoop loop = new DeliveryLoop(dispatcher, clock)) {
                loop.resume(new PendingDelivery(Samples.firing("intent-3"), persisted));

                assertThat(delivered.get(5, TimeUnit.SECONDS))
                        .isInstanceOf(DeliveryOutcome.Delivered.class)
                        .extracting(DeliveryOutcome::attempts).isEqualTo(5);
            }
            assertThat(server.onlyRequest().header("Idempotency-Key")).isEqualTo("intent-3");
        }
    }
}
