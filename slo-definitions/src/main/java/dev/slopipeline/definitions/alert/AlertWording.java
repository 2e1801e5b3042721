package dev.slopipeline.definitions.alert;

import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.policy.AlertPair;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The human text of an SLO alert, for the streams app that writes it and the router that passes it on: a summary an
 * on-call engineer reads on a phone and a description with the numbers behind it, written for the journey
 * ("checkout"), not for a host; and the annotations the router delivers, which are what the alert says plus its
 * measured facts in words.
 */
public final class AlertWording {

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);
    /** Enough to point a human at the culprits; the rest are counted, not listed. */
    private static final int LISTED = 3;

    private AlertWording() {
    }

    /**
     * The summary the streams app writes. Firing: {@code Customers can pay for their cart is failing: 3.2 % of
     * checkout requests fail (5m); the monthly error budget burns 20.1× too fast (budget left 83 %)}. Resolved:
     * {@code Recovered: 0.05 % of checkout requests fail (5m); the monthly error budget burns 0.5× (budget left 80 %)}.
     * The alert of a series of a split SLO names its values: {@code The checkout journey in eu-west is failing: ...},
     * {@code Recovered in eu-west: ...}.
     *
     * @param alert           the transition as composed, its annotations aside
     * @param shortErrorRatio the error ratio over the short window, which the alert gives as a burn rate only
     */
    public static String summary(SloDefinition slo, Alert alert, double shortErrorRatio) {
        String failing = percent(shortErrorRatio) + " of " + slo.journey() + " " + units(slo)
                + " fail (" + DurationSyntax.format(alert.windows().shortWindow()) + ")";
        String burn = "the " + period(slo.window()) + " error budget burns " + times(alert.burnRate().longWindow());
        String left = "budget left " + percent(Math.max(alert.budgetRemaining(), 0));
        String where = where(slo, alert);
        if (alert.state() == AlertState.FIRING) {
            return subject(slo) + where + " is failing: " + failing + "; " + burn + " too fast (" + left + ")";
        }
        return "Recovered" + where + ": " + failing + "; " + burn + " (" + left + ")";
    }

    /**
     * Which series of a split SLO the alert is of, as its labels say: {@code  in eu-west}, {@code  in eu-west, gold};
     * nothing for an SLO that is not split, or a series whose values are all empty.
     */
    private static String where(SloDefinition slo, Alert alert) {
        String values = slo.grouping().labels().stream().map(alert.labels()::get)
                .filter(value -> value != null && !value.isEmpty()).collect(Collectors.joining(", "));
        return values.isEmpty() ? "" : " in " + values;
    }

    /**
     * The description the streams app writes: the objective, the verdict of the pair that decided the transition in
     * numbers, and the forecast.
     *
     * @param alert the transition as composed, its annotations aside
     * @param pair  the alert pair that decided it, for its name and error-ratio threshold
     */
    public static String description(SloDefinition slo, Alert alert, AlertPair pair) {
        StringBuilder text = new StringBuilder()
                .append("SLO ").append(slo.name()).append(": ")
                .append(number(slo.objectivePercent())).append(" % of ").append(slo.journey()).append(' ').append(units(slo))
                .append(" good over ").append(windowText(slo.window())).append(". ")
                .append(pair.name()).append(alert.state() == AlertState.FIRING ? " fired" : " no longer holds")
                .append(": burn rate ").append(number(alert.burnRate().longWindow())).append(" over ")
                .append(DurationSyntax.format(alert.windows().longWindow()))
                .append(" and ").append(number(alert.burnRate().shortWindow())).append(" over ")
                .append(DurationSyntax.format(alert.windows().shortWindow()))
                .append(", threshold ").append(number(alert.threshold()))
                .append(" (error ratio ").append(percent(pair.errorRatioThreshold())).append(").");
        if (alert.exhaustionAt() != null) {
            text.append(" At this pace the error budget runs out at ").append(alert.exhaustionAt()).append('.');
        }
        if (alert.budgetRemaining() < 0) {
            text.append(" The error budget is spent.");
        }
        return text.toString();
    }

    /**
     * The summary of the resolution of a firing alert whose SLO is no longer defined, so that only the alert itself
     * is left to word it from.
     */
    public static String removedSummary(Alert firing) {
        return firing.journey() + ": " + firing.severity().wireName() + " alert of SLO " + firing.slo()
                + " resolved, as the SLO is no longer defined";
    }

    /**
     * The annotations the router delivers for an alert transition: the alert's own, passed through, then its
     * measured facts, which win over an annotation of the same name because they are current; only the summary and
     * the runbook prefer what the alert says. The runbook link is delivered as {@value AlertLabels#RUNBOOK_URL},
     * from that annotation or else the wire's {@value AlertLabels#WIRE_RUNBOOK}.
     */
    public static Map<String, String> annotations(Alert alert) {
        Map<String, String> annotations = new LinkedHashMap<>(alert.annotations());
        annotations.put(AlertLabels.SUMMARY, alert.annotations().getOrDefault(AlertLabels.SUMMARY, fallbackSummary(alert)));
        String runbook = alert.annotations().getOrDefault(AlertLabels.RUNBOOK_URL,
                alert.annotations().get(AlertLabels.WIRE_RUNBOOK));
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

    /**
     * What a human reads first when the alert carries no summary (a producer other than the streams app): {@code
     * checkout (storefront): SLO checkout-availability burns its error budget too fast (20.1x over 1h)}.
     */
    private static String fallbackSummary(Alert alert) {
        String subject = alert.journey() == null ? alert.service() : alert.journey() + " (" + alert.service() + ")";
        String burn = decimal(alert.burnRate().longWindow()) + "x over " + WireDurations.format(alert.windows().longWindow());
        return alert.state() == AlertState.FIRING
                ? subject + ": SLO " + alert.slo() + " burns its error budget too fast (" + burn + ")"
                : subject + ": SLO " + alert.slo() + " no longer burns its error budget too fast (" + burn + ")";
    }

    private static String subject(SloDefinition slo) {
        return slo.description() != null ? slo.description() : "The " + slo.journey() + " journey";
    }

    private static String units(SloDefinition slo) {
        if (slo.budgeting() instanceof Budgeting.Timeslices) {
            return "minutes";
        }
        return slo.indicator() instanceof Indicator.Health ? "probes" : "requests";
    }

    /** {@code monthly}, {@code weekly}, {@code 30-day}. */
    private static String period(SloWindow window) {
        if (window instanceof SloWindow.Calendar calendar) {
            return calendar.period() == SloWindow.CalendarPeriod.MONTH ? "monthly" : "weekly";
        }
        Duration length = window.nominalLength();
        return length.toMinutes() % (24 * 60) == 0 ? length.toDays() + "-day" : DurationSyntax.format(length);
    }

    private static String windowText(SloWindow window) {
        if (window instanceof SloWindow.Calendar calendar) {
            return "the calendar " + calendar.period().name().toLowerCase(Locale.ROOT) + " (" + calendar.zone().getId() + ")";
        }
        return "a rolling " + DurationSyntax.format(window.nominalLength());
    }

    /** {@code 0.35 %}, {@code 3.2 %}, {@code 83.4 %}. */
    private static String percent(double ratio) {
        return number(ratio * 100) + " %";
    }

    private static String times(double rate) {
        return number(rate) + "×";
    }

    /** Three significant digits at most, no trailing zeros: {@code 14.4}, {@code 0.351}, {@code 20.1}, {@code 1230}. */
    private static String number(double value) {
        BigDecimal rounded = new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
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
