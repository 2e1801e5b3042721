package dev.slopipeline.router.delivery;

import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.delivery.webhook.WebhookChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dispatcher on a hand-moved clock with fixed jitter, delivering through the real webhook channel to real local
 * receivers, and recording every outcome it reports.
 */
final class DeliveryHarness {

    static final Instant T0 = Instant.parse("2026-11-23T10:05:00Z");
    static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 3);

    final MutableClock clock = new MutableClock(T0);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
    final Channel webhook = new WebhookChannel(new JsonPoster(JsonPoster.defaultClient(), clock), clock);

    Dispatcher dispatcher(RetryPolicy policy, Receiver... receivers) {
        return Dispatcher.builder(Receivers.of(receivers), registry)
                .retryPolicy(policy)
                .random(new FixedRandom(0.5))
                .clock(clock)
                .listener(outcomes::add)
                .build();
    }

    Receiver webhook(String name, LocalReceiver server, String fallback) {
        return new Receiver(name, webhook, Target.of(server.url("/" + name)), fallback);
    }

    /** Delivers what is due, then jumps the clock to the next due attempt; stops when nothing is pending. */
    void settle(Dispatcher dispatcher, int maxRounds) {
        for (int round = 0; round < maxRounds && !dispatcher.pending().isEmpty(); round++) {
            dispatcher.nextDueAt().filter(at -> at.isAfter(clock.instant())).ifPresent(clock::set);
            dispatcher.deliverDue();
        }
    }

    <T extends DeliveryOutcome> List<T> outcomes(Class<T> kind) {
        return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    double count(String receiver, String outcome) {
        return registry.get(DeliveryMetrics.NOTIFICATIONS).tag("receiver", receiver).tag("outcome", outcome)
                .counter().count();
    }
}
