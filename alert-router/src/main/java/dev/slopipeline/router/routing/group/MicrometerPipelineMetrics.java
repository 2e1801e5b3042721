package dev.slopipeline.router.routing.group;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipeline's counts as Micrometer counters:
 * <ul>
 *   <li>{@value #SUPPRESSED} (tags {@code stage}, {@code receiver}): alerts held back, per stage;</li>
 *   <li>{@value #NOTIFICATIONS} (tag {@code receiver}): notifications decided;</li>
 *   <li>{@value #NOTIFIED_ALERTS} (tag {@code receiver}): alerts in them.</li>
 * </ul>
 */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

    public static final String SUPPRESSED = "slo.router.alerts.suppressed";
    public static final String NOTIFICATIONS = "slo.router.notifications.decided";
    public static final String NOTIFIED_ALERTS = "slo.router.alerts.notified";

    private final MeterRegistry registry;

    public MicrometerPipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void suppressed(String stage, String receiver, int alerts) {
        Counter.builder(SUPPRESSED)
                .description("Alerts a notification stage held back at a flush")
                .tag("stage", stage)
                .tag("receiver", receiver)
                .register(registry)
                .increment(alerts);
    }

    @Override
    public void notified(String receiver, int alerts) {
        Counter.builder(NOTIFICATIONS)
                .description("Notifications decided at flushes")
                .tag("receiver", receiver)
                .register(registry)
                .increment();
        Counter.builder(NOTIFIED_ALERTS)
                .description("Alerts in the notifications decided")
                .tag("receiver", receiver)
                .register(registry)
                .increment(alerts);
    }
}
