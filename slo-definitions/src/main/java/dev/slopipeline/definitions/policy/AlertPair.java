package dev.slopipeline.definitions.policy;

import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;

/**
 * One multi-window burn-rate alert, resolved for a particular SLO.
 *
 * @param budgetPercent share of the window's error budget that the long window has spent when it fires
 * @param factor burn rate both windows must exceed: budget share × SLO window ÷ long window
 * @param errorRatioThreshold error ratio both windows must exceed: factor × error budget
 * @param minEvents events the long window must hold before the pair may fire
 */
public record AlertPair(
        String name,
        Severity severity,
        Duration longWindow,
        Duration shortWindow,
        double budgetPercent,
        double factor,
        double errorRatioThreshold,
        long minEvents) {

    /**
     * A pair whose threshold is above an error ratio of 1 would need more than every event to fail:
     * it can never fire (a 90 % objective cannot spend 2 % of a 30-day budget in one hour).
     */
    public boolean canFire() {
        return errorRatioThreshold < 1.0;
    }

    /**
     * From a healthy start to firing when every event fails: the long window's error ratio reaches the
     * threshold after threshold × long window, and the short window, shorter, is full of errors by then.
     */
    public Duration timeToDetectFullOutage() {
        double seconds = errorRatioThreshold * longWindow.toSeconds();
        double shortSeconds = errorRatioThreshold * shortWindow.toSeconds();
        return Duration.ofMillis(Math.round(Math.max(seconds, shortSeconds) * 1000));
    }

    /** How long the whole budget lasts when it burns at exactly this pair's threshold. */
    public Duration timeToExhaustBudget(Duration sloWindow) {
        return Duration.ofMillis(Math.round(sloWindow.toMillis() / factor));
    }
}
