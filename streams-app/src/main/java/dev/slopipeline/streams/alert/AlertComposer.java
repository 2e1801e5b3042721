package dev.slopipeline.streams.alert;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertWording;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.streams.evaluate.AlertTransition;
import dev.slopipeline.streams.evaluate.PairEvaluation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an alert transition into the wire contract ({@link Alert}): which journey fails, how fast
 * the budget burns and over which windows, what is left and when it runs out, where the bad events
 * come from and which components were failing around it.
 *
 * <p>Times are whole seconds on the wire: {@code at} and {@code startedAt} are truncated, so the
 * firing and the resolved transition of one incident carry the same {@link Alert#id}.
 */
public final class AlertComposer {

    private AlertComposer() {
    }

    /**
     * The alert for a transition; empty only when the SLO has no alert pair at all (a changed
     * definition switched them all off while an alert was firing), as there is then no window to name.
     *
     * @param series which series of the SLO: its id starts with the series key, and its labels and summary name the
     *               series' values, so that each series of a split SLO is an alert of its own to the router
     * @param reason why, when the pairs are not the reason (the SLO was removed or redefined); may be null
     */
    public static Optional<Alert> compose(AlertTransition transition, SloDefinition slo, SeriesKey series,
                                          ServiceDefinition service, List<Alert.Contributor> contributors,
                                          List<Alert.Context> context, String reason) {
        if (transition.trigger().isEmpty()) {
            return Optional.empty();
        }
        PairEvaluation trigger = transition.trigger().get();
        Instant at = seconds(transition.at());
        Instant startedAt = seconds(transition.startedAt());
        Alert composed = new Alert(
                Alert.id(series.text(), transition.severity(), startedAt),
                slo.name(),
                service.name(),
                slo.journey(),
                transition.severity(),
                transition.state(),
                at,
                startedAt,
                new Alert.Windows(trigger.pair().longWindow(), trigger.pair().shortWindow()),
                new Alert.BurnRate(trigger.longBurnRate(), trigger.shortBurnRate()),
                trigger.pair().factor(),
                transition.pairsHolding(),
                transition.budget().remaining(),
                transition.budget().exhaustionAt().map(AlertComposer::seconds).orElse(null),
                AlertLabels.of(slo, series, service, transition.severity()),
                Map.of(),
                contributors,
                context);
        return Optional.of(composed.withAnnotations(annotations(composed, slo, service, trigger, reason)));
    }

    /** Summary and description first, then the runbook and the reason, each when there is one. */
    private static Map<String, String> annotations(Alert composed, SloDefinition slo, ServiceDefinition service,
                                                   PairEvaluation trigger, String reason) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(AlertLabels.SUMMARY, AlertWording.summary(slo, composed, trigger.shortWindow().errorRatio()));
        annotations.put(AlertLabels.DESCRIPTION, AlertWording.description(slo, composed, trigger.pair()));
        if (service.runbook() != null) {
            annotations.put(AlertLabels.WIRE_RUNBOOK, service.runbook());
        }
        if (reason != null) {
            annotations.put(AlertLabels.REASON, reason);
        }
        return annotations;
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
