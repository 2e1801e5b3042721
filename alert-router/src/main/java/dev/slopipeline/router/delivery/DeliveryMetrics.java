package dev.slopipeline.router.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The dispatcher's meters:
 * <ul>
 *   <li>{@value #NOTIFICATIONS} (counter; tags {@code receiver}, {@code outcome}): every outcome reported;</li>
 *   <li>{@value #LATENCY} (timer; tags {@code receiver}, {@code outcome}): the duration of each attempt;</li>
 *   <li>{@value #PENDING} (gauge): notifications not yet delivered, including those waiting to retry.</li>
 * </ul>
 */
final class DeliveryMetrics {

    static final String NOTIFICATIONS = "router.notifications";
    static final String LATENCY = "router.delivery.latency";
    static final String PENDING = "router.deliveries.pending";

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
