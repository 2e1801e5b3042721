package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowSums;

/**
 * One alert pair judged against an SLO's window sums.
 *
 * @param holds both windows' error ratios exceed the pair's threshold (burn rates exceed its factor),
 *              and the long window holds at least the pair's minimum of events, and at least one
 */
public record PairEvaluation(AlertPair pair, Tally longWindow, Tally shortWindow, double longBurnRate, double shortBurnRate, boolean holds) {

    public static PairEvaluation of(AlertPair pair, WindowSums sums, double errorBudget) {
        Tally longWindow = sums.window(pair.longWindow());
        Tally shortWindow = sums.window(pair.shortWindow());
        // compared as error ratios, the threshold's own units, rather than as burn rates divided back out
        boolean holds = longWindow.events() >= Math.max(1, pair.minEvents())
                && longWindow.errorRatio() > pair.errorRatioThreshold()
                && shortWindow.errorRatio() > pair.errorRatioThreshold();
        return new PairEvaluation(pair, longWindow, shortWindow,
                burnRate(longWindow, errorBudget), burnRate(shortWindow, errorBudget), holds);
    }

    /** How many times faster than sustainable the budget burns: the error ratio over the error budget; 0 without traffic. */
    public static double burnRate(Tally window, double errorBudget) {
        return window.errorRatio() / errorBudget;
    }
}
