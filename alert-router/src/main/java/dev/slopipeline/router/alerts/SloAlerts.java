package dev.slopipeline.router.alerts;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.alert.WireDurations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an SLO alert transition from {@code slo.alerts} into the labelled alert the router groups, inhibits,
 * silences and delivers. See the package overview for every label and annotation written.
 */
public final class SloAlerts {

    /** Enough to point a human at the culprits; the rest are counted, not listed. */
    private static final int LISTED = 3;

    private SloAlerts() {
    }

    public static LabelledAlert toLabelled(Alert alert) {
        return new LabelledAlert(AlertLabels.of(alert), annotations(alert), alert.startedAt(),
                alert.state() == AlertState.RESOLVED ? alert.at() : null, alert.at());
    }

    /**
     * The SLO author's annotations, then the measured facts, which win over an annotation of the same name because
     * they are current; only summary and runbook prefer what the author wrote.
     */
    static Map<String, String> annotations(Alert alert) {
        Map<String, String> annotations = new LinkedHashMap<>(alert.annotations());
        annotations.put(AlertLabels.SUMMARY, alert.annotations().getOrDefault(AlertLabels.SUMMARY, summary(alert)));
        String runbook = alert.annotations().getOrDefault(AlertLabels.RUNBOOK_URL, alert.annotations().get(AlertLabels.WIRE_RUNBOOK));
        if (runbook != null) {
            annotations.put(AlertLabels.RUNBOOK_URL, runbook);
        }
        annotations.put(AlertLabels.BURN_RATE, decimal(alert.burnRate().longWindow()));
        annotations.put(AlertLabels.BUDGET_REMAINING, String.format(Locale.ROOT, "%.2f", alert.budgetRemaining()));
        if (alert.exhaustionAt() != null) {
            annotations.put(AlertLabels.EXHAUSTION_AT, alert.exhaustionAt().toString());
        }
        if (!alert.pairs().isEmpty()) {
            annotations.put(AlertLabels.PAIRS, String.join(", ", alert.pairs()));
        }
        if (!alert.contributors().isEmpty()) {
            annotations.put(AlertLabels.CONTRIBUTORS, listed(alert.contributors(),
                    c -> c.service() + " " + c.operation() + " (" + c.bad() + " bad)"));
        }
        if (!alert.context().isEmpty()) {
            annotations.put(AlertLabels.CONTEXT, listed(alert.context(),
                    c -> c.service() + " " + c.check() + " " + c.status().wireName()
                            + (c.target() == null ? "" : " (" + c.target() + ")")));
        }
        return annotations;
    }

    /** What a human reads first when the SLO author wrote no summary. */
    private static String summary(Alert alert) {
        String subject = alert.journey() == null ? alert.service() : alert.journey() + " (" + alert.service() + ")";
        String burn = decimal(alert.burnRate().longWindow()) + "x over " + WireDurations.format(alert.windows().longWindow());
        return alert.state() == AlertState.FIRING
                ? subject + ": SLO " + alert.slo() + " burns its error budget too fast (" + burn + ")"
                : subject + ": SLO " + alert.slo() + " no longer burns its error budget too fast (" + burn + ")";
    }

    /** At most two decimals and no trailing zeros: 20.1, 14.4, 3, 0.04. */
    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static <T> String listed(List<T> items, Function<T, String> text) {
        String shown = items.stream().limit(LISTED).map(text).collect(Collectors.joining(", "));
        int more = items.size() - LISTED;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }
}
