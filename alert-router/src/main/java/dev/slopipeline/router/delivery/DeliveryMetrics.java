package dev.slopipeline.router.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The dispatcher's meters:
 * <ul>
 *   <li>{@value #NOTIFICATIONS} (counter; tags {@code receiver}, {@code outcome}): every outcome reported;</li>
 *   <li>{@value #LATENCY} (timer; tags {@code receiver}, {@code outcome}): the duration of each attempt, with
 *       histogram buckets from 5 ms to 30 s, so that {@code histogram_quantile} works across instances;</li>
 *   <li>{@value #PENDING} (gauge): notifications not yet delivered, including those waiting to retry.</li>
 * </ul>
 */
final class DeliveryMetrics {

    static final String NOTIFICATIONS = "slo.router.notifications";
    static final String LATENCY = "slo.router.delivery.latency";
    static final String PENDING = "slo.router.deliveries.pending";

    /** Around the receivers' usual answers, up to beyond the 10 s connect timeout. */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000,
            10_000, 30_000).map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry, Supplier<Number> pending) {
        this.registry = registry;
        Gauge.builder(PENDING, pending)
                .description("Notifications accepted by the dispatcher and not yet delivered")
                .register(registry);
    }

    void attempted(String receiver, String outcome, Duration latency) {
        Timer.builder(LATENCY)
                .description("Duration of one delivery attempt")
                .tag("receiver", receiver)
                .tag("outcome", outcome)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(latency);
    }

    void reported(DeliveryOutcome outcome) {
        Counter.builder(NOTIFICATIONS)
                .description("Delivery outcomes by receiver")
                .tag("receiver", outcome.receiver())
                .tag("outcome", outcome.outcome())
                .register(registry)
                .increment();
    }
}
