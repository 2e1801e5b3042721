package dev.slopipeline.router.routing.group;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The pipeline's counts as Micrometer counters:
 * <ul>
 *   <li>{@value #SUPPRESSED} (tags {@code stage}, {@code receiver}): alerts held back, per stage;</li>
 *   <li>{@value #NOTIFICATIONS} (tag {@code receiver}): notifications decided;</li>
 *   <li>{@value #NOTIFIED_ALERTS} (tag {@code receiver}): alerts in them.</li>
 * </ul>
 * Every stage and receiver of a config is counted from zero as soon as a pipeline is built for it, as Alertmanager
 * does for its integrations, so that {@code increase()} and dashboards work before the first event.
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
        suppressedCounter(stage, receiver).increment(alerts);
    }

    @Override
    public void notified(String receiver, int alerts) {
        notificationsCounter(receiver).increment();
        notifiedAlertsCounter(receiver).increment(alerts);
    }

    @Override
    public void expect(List<String> stages, List<String> receivers) {
        for (String receiver : receivers) {
            stages.forEach(stage -> suppressedCounter(stage, receiver));
            notificationsCounter(receiver);
            notifiedAlertsCounter(receiver);
        }
    }

    private Counter suppressedCounter(String stage, String receiver) {
        return Counter.builder(SUPPRESSED)
                .description("Alerts a notification stage held back at a flush")
                .tag("stage", stage)
                .tag("receiver", receiver)
                .register(registry);
    }

    private Counter notificationsCounter(String receiver) {
        return Counter.builder(NOTIFICATIONS)
                .description("Notifications decided at flushes")
                .tag("receiver", receiver)
                .register(registry);
    }

    private Counter notifiedAlertsCounter(String receiver) {
        return Counter.builder(NOTIFIED_ALERTS)
                .description("Alerts in the notifications decided")
                .tag("receiver", receiver)
                .register(registry);
    }
}
