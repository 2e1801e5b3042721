package dev.slopipeline.streams.alert;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.streams.evaluate.AlertTransition;
import dev.slopipeline.streams.evaluate.PairEvaluation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The human text of an alert: a summary an on-call engineer reads on a phone, and a description
 * with the numbers behind it. Written for the journey ("checkout"), not for a host.
 */
final class AlertWording {

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private AlertWording() {
    }

    /**
     * Firing: {@code Customers can pay for their cart is failing: 3.2 % of checkout requests fail (5m);
     * the monthly error budget burns 20.1× too fast (budget left 83 %)}. Resolved: {@code Recovered:
     * 0.05 % of checkout requests fail (5m); the monthly error budget burns 0.5× (budget left 80 %)}.
     */
    static String summary(SloDefinition slo, AlertTransition transition, PairEvaluation trigger) {
        String failing = percent(trigger.shortWindow().errorRatio()) + " of " + slo.journey() + " " + units(slo)
                + " fail (" + DurationSyntax.format(trigger.pair().shortWindow()) + ")";
        String burn = "the " + period(slo.window()) + " error budget burns " + times(trigger.longBurnRate());
        String left = "budget left " + percent(Math.max(transition.budget().remaining(), 0));
        if (transition.state() == AlertState.FIRING) {
            return subject(slo) + " is failing: " + failing + "; " + burn + " too fast (" + left + ")";
        }
        return "Recovered: " + failing + "; " + burn + " (" + left + ")";
    }

    /** The objective, the pair's verdict in numbers, and the forecast. */
    static String description(SloDefinition slo, AlertTransition transition, PairEvaluation trigger) {
        StringBuilder text = new StringBuilder()
                .append("SLO ").append(slo.name()).append(": ")
                .append(number(slo.objectivePercent())).append(" % of ").append(slo.journey()).append(' ').append(units(slo))
                .append(" good over ").append(windowText(slo.window())).append(". ")
                .append(trigger.pair().name()).append(transition.state() == AlertState.FIRING ? " fired" : " no longer holds")
                .append(": burn rate ").append(number(trigger.longBurnRate())).append(" over ")
                .append(DurationSyntax.format(trigger.pair().longWindow()))
                .append(" and ").append(number(trigger.shortBurnRate())).append(" over ")
                .append(DurationSyntax.format(trigger.pair().shortWindow()))
                .append(", threshold ").append(number(trigger.pair().factor()))
                .append(" (error ratio ").append(percent(trigger.pair().errorRatioThreshold())).append(").");
        transition.budget().exhaustionAt().ifPresent(at -> text.append(" At this pace the error budget runs out at ")
                .append(at.truncatedTo(ChronoUnit.SECONDS)).append('.'));
        if (transition.budget().remaining() < 0) {
            text.append(" The error budget is spent.");
        }
        return text.toString();
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

    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
