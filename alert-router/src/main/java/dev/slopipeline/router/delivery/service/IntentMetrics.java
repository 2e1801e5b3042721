package dev.slopipeline.router.delivery.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The delivery service's meters, beside the dispatcher's own ({@code slo.router.notifications},
 * {@code slo.router.delivery.latency}, {@code slo.router.deliveries.pending}):
 * <ul>
 *   <li>{@value #UNFINISHED} (gauge): intents read from {@code router.notifications} whose deliveries are not all
 *       final and recorded yet; the consumer lag that matters, as it counts what is still uncommitted because a
 *       receiver has not taken it;</li>
 *   <li>{@value #PAUSED} (gauge): 1 while reading intents is paused because the bound of unfinished intents is
 *       reached (receivers down for long), else 0;</li>
 *   <li>{@value #REFUSED} (counter; tag {@code reason}: {@code unreadable}, {@code unknown_receiver}): intents that
 *       cannot be delivered at all, each recorded as {@code failed} on {@code router.deliveries};</li>
 *   <li>{@value #KEY_CONFLICTS} (counter): deliveries whose key was already used for other content, each delivered
 *       under a key of its own instead of being skipped; a bug upstream of the delivery service. Every time such an
 *       intent is read counts, a redo included.</li>
 * </ul>
 */
final class IntentMetrics {

    static final String UNFINISHED = "slo.router.intents.unfinished";
    static final String REFUSED = "slo.router.intents.refused";
    static final String PAUSED = "slo.router.intents.consumption.paused";
    static final String KEY_CONFLICTS = "slo.router.intent.key.conflicts";

    private final Counter unreadable;
    private final Counter unknownReceiver;
    private final Counter keyConflicts;

    IntentMetrics(MeterRegistry registry, Supplier<Number> unfinished, Supplier<Number> paused) {
        Gauge.builder(UNFINISHED, unfinished)
                .description("Intents read whose deliveries are not all final and recorded")
                .register(registry);
        Gauge.builder(PAUSED, paused)
                .description("1 while reading intents is paused at the bound of unfinished intents")
                .register(registry);
        unreadable = refused(registry, "unreadable");
        unknownReceiver = refused(registry, "unknown_receiver");
        keyConflicts = Counter.builder(KEY_CONFLICTS)
                .description("Deliveries whose idempotency key was already used for other content,"
                        + " delivered under a derived key")
                .register(registry);
    }

    void unreadable() {
        unreadable.increment();
    }

    void unknownReceiver() {
        unknownReceiver.increment();
    }

    void keyConflict() {
        keyConflicts.increment();
    }

    private static Counter refused(MeterRegistry registry, String reason) {
        return Counter.builder(REFUSED)
                .description("Intents that cannot be delivered at all")
                .tag("reason", reason)
                .register(registry);
    }
}
