package dev.slopipeline.streams.status;

import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.streams.evaluate.PairEvaluation;
import java.time.Duration;
import java.util.Objects;

/**
 * One alert pair of an SLO as the status shows it: its thresholds, so that a chart can draw them, and
 * how its two windows stand against them now.
 *
 * @param budgetPercent       share of the SLO window's budget the long window has spent when the pair fires
 * @param burnRateThreshold   burn rate both windows must exceed (the pair's factor)
 * @param errorRatioThreshold error ratio both windows must exceed: factor × error budget
 * @param minEvents           events the long window must hold before the pair may fire
 * @param holds               whether the pair holds now
 */
public record PairStatus(
        String name,
        Severity severity,
        Duration longWindow,
        Duration shortWindow,
        double budgetPercent,
        double burnRateThreshold,
        double errorRatioThreshold,
        long minEvents,
        double longBurnRate,
        double shortBurnRate,
        boolean holds) {

    public PairStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
    }

    static PairStatus of(PairEvaluation evaluation) {
        var pair = evaluation.pair();
        return new PairStatus(pair.name(), pair.severity(), pair.longWindow(), pair.shortWindow(), pair.budgetPercent(),
                pair.factor(), pair.errorRatioThreshold(), pair.minEvents(), evaluation.longBurnRate(),
                evaluation.shortBurnRate(), evaluation.holds());
    }
}
