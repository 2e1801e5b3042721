package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.inhibit.Inhibitor;
import dev.slopipeline.router.routing.silence.Silences;
import dev.slopipeline.router.routing.timeinterval.RouteTimes;
import java.util.List;
import java.util.Objects;

/**
 * What happens to a group's alerts at a flush, stage by stage:
 * <pre>
 *   inhibit ─► time_mute ─► silence ─► dedup ─► notify (or not)
 * </pre>
 * Each stage may drop alerts; once none are left the flush ends quietly, as in Alertmanager, and the notification
 * log is not touched. What reaches the end is recorded and, minus resolved alerts for receivers that do not want
 * them, notified; a receiver without channels is told nothing.
 */
public final class NotificationPipeline {

    /** A stage and the name metrics know it by. */
    public record Step(String name, Stage stage) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stage, "stage");
        }
    }

    private final List<Step> steps;
    private final PipelineMetrics metrics;

    public NotificationPipeline(List<Step> steps, PipelineMetrics metrics) {
        this.steps = List.copyOf(steps);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * The router's pipeline for a config.
     *
     * @param silences  the live silences, read at every flush
     * @param inhibition whether the built-in page-inhibits-ticket rule joins the config's rules
     */
    public static NotificationPipeline standard(GroupingConfig config, Silences silences, DefaultInhibition inhibition,
                                                PipelineMetrics metrics) {
        NotificationPipeline pipeline = new NotificationPipeline(List.of(
                new Step("inhibit", new InhibitStage(new Inhibitor(inhibition.applyTo(config.inhibitRules())))),
                new Step("time_mute", new TimeMuteStage(RouteTimes.of(config.timeIntervals()))),
                new Step("silence", new SilenceStage(silences)),
                new Step("dedup", new DedupStage())),
                metrics);
        metrics.expect(pipeline.steps.stream().map(Step::name).toList(),
                config.receiverPolicies().stream().map(ReceiverPolicy::name).toList());
        return pipeline;
    }

    public List<Step> steps() {
        return steps;
    }

    /** @param alerts the group's alerts, in notification order */
    public FlushDecision run(FlushContext context, List<LabelledAlert> alerts) {
        List<LabelledAlert> remaining = alerts;
        for (Step step : steps) {
            List<LabelledAlert> passed = step.stage().apply(context, remaining);
            if (passed.size() < remaining.size()) {
                metrics.suppressed(step.name(), context.receiver().name(), remaining.size() - passed.size());
            }
            if (passed.isEmpty()) {
                return new FlushDecision.Quiet();
            }
            remaining = passed;
        }
        if (!context.receiver().hasChannels()) {
            return new FlushDecision.Quiet(); // Alertmanager has no integration to run for it: nothing sent or logged
        }
        List<LabelledAlert> sent = context.receiver().sendResolved()
                ? remaining
                : remaining.stream().filter(alert -> !alert.resolved()).toList();
        if (!sent.isEmpty()) {
            metrics.notified(context.receiver().name(), sent.size());
        }
        return new FlushDecision.Notify(DedupStage.fingerprints(remaining, false), DedupStage.fingerprints(remaining, true),
                sent);
    }
}
