package dev.slopipeline.router.notification;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SLO vocabulary that human-facing channels (Slack, PagerDuty) put in front of the reader, read from the label and
 * annotation keys every SLO alert carries ({@link AlertLabels}):
 * <ul>
 *   <li>labels {@value AlertLabels#JOURNEY}, {@value AlertLabels#SERVICE}, {@value AlertLabels#SLO},
 *       {@value AlertLabels#SEVERITY} (page, ticket, notify), {@value AlertLabels#ALERTNAME};</li>
 *   <li>annotations {@value AlertLabels#SUMMARY} (what users cannot do), {@value AlertLabels#RUNBOOK_URL},
 *       {@value AlertLabels#BURN_RATE} (a decimal, e.g. "20.1"), {@value AlertLabels#BUDGET_REMAINING} (a fraction of
 *       the error budget, e.g. "0.83").</li>
 * </ul>
 * Keeping these keys as plain labels and annotations lets the webhook channel stay exactly Alertmanager-shaped.
 * A value is taken from the group's common labels or annotations first, then from the alert itself.
 */
public record SloFacts(Optional<String> journey,
                       Optional<String> service,
                       Optional<String> slo,
                       Optional<String> severity,
                       Optional<String> alertName,
                       Optional<String> summary,
                       Optional<String> runbookUrl,
                       Optional<String> burnRate,
                       Optional<String> budgetRemaining) {

    /** Facts of the group, preferring what all its alerts share, then its first firing alert. */
    public static SloFacts of(Notification notification) {
        Alert representative = notification.alerts().stream()
                .filter(a -> a.status() == AlertState.FIRING)
                .findFirst()
                .orElse(notification.alerts().get(0));
        return read(notification.commonLabels(), notification.commonAnnotations(), representative);
    }

    /** Facts of one alert alone, for per-alert lines. */
    public static SloFacts of(Alert alert) {
        return read(Map.of(), Map.of(), alert);
    }

    private static SloFacts read(Map<String, String> commonLabels, Map<String, String> commonAnnotations, Alert alert) {
        Lookup labels = new Lookup(commonLabels, alert.labels());
        Lookup annotations = new Lookup(commonAnnotations, alert.annotations());
        return new SloFacts(labels.get(AlertLabels.JOURNEY), labels.get(AlertLabels.SERVICE), labels.get(AlertLabels.SLO),
                labels.get(AlertLabels.SEVERITY), labels.get(AlertLabels.ALERTNAME), annotations.get(AlertLabels.SUMMARY),
                annotations.get(AlertLabels.RUNBOOK_URL), annotations.get(AlertLabels.BURN_RATE),
                annotations.get(AlertLabels.BUDGET_REMAINING));
    }

    /** One line saying what is broken for users, falling back from the human summary to whatever names the alert. */
    public String headline() {
        return summary
                .or(() -> slo.map(s -> s + " is burning its error budget"))
                .or(() -> alertName)
                .orElse("SLO alert");
    }

    /** "20.1×": burn rate as a multiple of the rate that would spend exactly the budget over the SLO window. */
    public Optional<String> burnRateText() {
        return burnRate.map(raw -> number(raw)
                .map(v -> String.format(Locale.ROOT, "%.1f×", v))
                .orElse(raw));
    }

    /** "83%" of the error budget left; a non-numeric annotation is shown as written. */
    public Optional<String> budgetRemainingText() {
        return budgetRemaining.map(raw -> number(raw)
                .map(v -> String.format(Locale.ROOT, "%.0f%%", v * 100))
                .orElse(raw));
    }

    private static Optional<Double> number(String raw) {
        try {
            double value = Double.parseDouble(raw.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Lookup(Map<String, String> first, Map<String, String> second) {
        Optional<String> get(String key) {
            String value = first.get(key);
            if (value == null || value.isBlank()) {
                value = second.get(key);
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }
}
