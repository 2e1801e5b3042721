package dev.slopipeline.streams.evaluate;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A severity of an SLO started or stopped firing. The topology maps it to the alert wire contract.
 *
 * @param at the evaluation time: the latest event time, or the time the windows were advanced to
 * @param startedAt when this firing began; equal to {@code at} on a FIRING transition
 * @param pairsHolding names of the severity's pairs that hold, fastest first; empty on RESOLVED
 * @param trigger on FIRING the fastest holding pair; on RESOLVED the pair that triggered the firing,
 *                judged now (or the severity's fastest pair if it was renamed, or the SLO's fastest if
 *                the severity has none any more); empty only when a changed definition left the SLO
 *                without any pair
 */
public record AlertTransition(
        String slo,
        Severity severity,
        AlertState state,
        Instant at,
        Instant startedAt,
        List<String> pairsHolding,
        Optional<PairEvaluation> trigger,
        BudgetStatus budget) {

    public AlertTransition {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(trigger, "trigger");
        pairsHolding = List.copyOf(pairsHolding);
    }
}
