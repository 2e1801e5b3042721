package dev.slopipeline.definitions.model;

import java.util.Map;
import java.util.Objects;

/**
 * A service level objective on a user journey.
 *
 * @param objectivePercent the target, strictly between 0 and 100 (99.9 means 99.9 %)
 * @param grouping         how it splits into series; {@link Grouping#none()} for one series
 */
public record SloDefinition(
        String name,
        Map<String, String> labels,
        String description,
        String service,
        String journey,
        Indicator indicator,
        double objectivePercent,
        SloWindow window,
        Budgeting budgeting,
        AlertingSpec alerting,
        Grouping grouping) {

    public SloDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(budgeting, "budgeting");
        Objects.requireNonNull(alerting, "alerting");
        Objects.requireNonNull(grouping, "grouping");
        if (!(objectivePercent > 0 && objectivePercent < 100)) {
            throw new IllegalArgumentException("objective must be above 0 and below 100, got " + objectivePercent);
        }
        labels = Map.copyOf(labels);
        journey = journey == null ? name : journey;
    }

    /** An SLO that is not split: one series. */
    public SloDefinition(String name, Map<String, String> labels, String description, String service, String journey,
                         Indicator indicator, double objectivePercent, SloWindow window, Budgeting budgeting,
                         AlertingSpec alerting) {
        this(name, labels, description, service, journey, indicator, objectivePercent, window, budgeting, alerting,
                Grouping.none());
    }

    /** The error budget as a fraction of events (or minutes): 99.9 % leaves 0.001. */
    public double errorBudget() {
        return (100.0 - objectivePercent) / 100.0;
    }
}
