package dev.slopipeline.streams.evaluate;

import static dev.slopipeline.definitions.model.Severity.PAGE;
import static dev.slopipeline.definitions.model.Severity.TICKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.streams.window.BudgetWindowSum;
import dev.slopipeline.streams.window.Tally;
import dev.slopipeline.streams.window.WindowPlan;
import dev.slopipeline.streams.window.WindowSums;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The state machine on hand-made window sums (99.9 %, 30 days, workbook pairs). Error ratios are far
 * from every threshold: 10 % fails every pair, 0 % none.
 */
class AlertEvaluatorTest {

    private static final SloDefinition SLO = Scenario.rolling30d(99.9);
    private static final List<AlertPair> PAIRS = BurnRatePolicy.pairsFor(SLO, 1);
    private static final Instant T0 = Instant.parse("2026-11-23T10:04:00Z");
    private static final Tally HEALTHY = new Tally(1000, 0, 1000);
    private static final Tally FAILING = new Tally(900, 100, 1000);

    /** Healthy everywhere except the given windows. */
    private static WindowSums sums(Instant at, Map<String, Tally> failing) {
        Map<Duration, Tally> windows = new LinkedHashMap<>();
        for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
            windows.put(DurationSyntax.parse(window), failing.getOrDefault(window, HEALTHY));
        }
        return new WindowSums(at, windows, new BudgetWindowSum(windows.get(Duration.ofDays(30)), at.minus(Duration.ofDays(30)),
                Duration.ofDays(30), Optional.empty()));
    }

    private static Map<String, Tally> failing(String... windows) {
        Map<String, Tally> map = new LinkedHashMap<>();
        for (String window : windows) {
            map.put(window, FAILING);
        }
        return map;
    }

    private static List<AlertPair> reversed(List<AlertPair> pairs) {
        List<AlertPair> copy = new ArrayList<>(pairs);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void shouldFireOnceAndNotRepeatWhileTheSamePairsHold() {
        AlertEvaluator evaluator = new AlertEvaluator(SLO, PAIRS);

        Evaluation first = evaluator.evaluate(sums(T0, failing("5m", "1h")), AlertStates.none());
        Evaluation second = evaluator.evaluate(sums(T0.plusSeconds(60), failing("5m", "1h")), first.states());

        assertThat(first.transitions()).singleElement().satisfies(t -> {
            assertThat(t.severity()).isEqualTo(PAGE);
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            assertThat(t.at()).isEqualTo(T0);
            assertThat(t.startedAt()).isEqualTo(T0);
            assertThat(t.pairsHolding()).containsExactly("page-fast");
            assertThat(t.trigger().orElseThrow().longBurnRate()).isCloseTo(100, within(1e-9));
        });
        assertThat(second.transitions()).isEmpty();
        assertThat(second.states().get(PAGE)).hasValue(new ActiveAlert(T0, "page-fast", T0.plusSeconds(60)));
    }

    @Test
    void shouldResolveOnlyOnceNoPairHasHeldForAMinute() {
        AlertEvaluator evaluator = new AlertEvaluator(SLO, PAIRS);
        Evaluation firing = evaluator.evaluate(sums(T0, failing("5m", "1h")), AlertStates.none());

        Evaluation secondsLater = evaluator.evaluate(sums(T0.plusSeconds(5), failing()), firing.states());
        Evaluation minuteLater = evaluator.evaluate(sums(T0.plusSeconds(60), failing()), secondsLater.states());

        assertThat(secondsLater.transitions()).as("a moment without a holding pair").isEmpty();
        assertThat(minuteLater.transitions()).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.RESOLVED));
    }

    @Test
    void shouldNameEveryHoldingPairFastestFirstAndReportTheFastest() {
        AlertEvaluator evaluator = new AlertEvaluator(SLO, reversed(PAIRS));

        Evaluation evaluation = evaluator.evaluate(sums(T0, failing("5m", "30m", "1h", "6h")), AlertStates.none());

        AlertTransition page = evaluation.transitions().get(0);
        assertThat(page.pairsHolding()).containsExactly("page-fast", "page-slow");
        assertThat(page.trigger().orElseThrow().pair().name()).isEqualTo("page-fast");
        assertThat(page.trigger().orElseThrow().pair().longWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(page.trigger().orElseThrow().pair().shortWindow()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldStayFiringWhileASlowerPairHoldsAndResolveWhenNoneDoes() {
        AlertEvaluator evaluator = new AlertEvaluator(SLO, PAIRS);
        Evaluation fast = evaluator.evaluate(sums(T0, failing("5m", "1h")), AlertStates.none());

        WindowSums slowJoinsSums = sums(T0.plusSeconds(60), failing("5m", "30m", "1h", "6h"));
        Evaluation slowJoins = evaluator.evaluate(slowJoinsSums, fast.states());
        WindowSums fastStopsSums = sums(T0.plusSeconds(120), failing("30m", "1h", "6h"));
        Evaluation fastStops = evaluator.evaluate(fastStopsSums, slowJoins.states());
        WindowSums noneHoldsSums = sums(T0.plusSeconds(180), failing("1h", "6h"));
        Evaluation noneHolds = evaluator.evaluate(noneHoldsSums, fastStops.states());

        assertThat(slowJoins.transitions()).isEmpty();
        assertThat(evaluator.status(slowJoinsSums, slowJoins.states()).severities().get(PAGE))
                .isEqualTo(new SeverityStatus.Firing(T0, List.of("page-fast", "page-slow")));
        assertThat(fastStops.transitions()).isEmpty();
        assertThat(evaluator.status(fastStopsSums, fastStops.states()).severities().get(PAGE))
                .isEqualTo(new SeverityStatus.Firing(T0, List.of("page-slow")));
        assertThat(noneHolds.transitions()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.at()).isEqualTo(T0.plusSeconds(180));
            assertThat(t.startedAt()).isEqualTo(T0);
            assertThat(t.pairsHolding()).isEmpty();
            assertThat(t.trigger().orElseThrow().pair().name()).as("the pair that fired it").isEqualTo("page-fast");
            assertThat(t.trigger().orElseThrow().holds()).isFalse();
        });
        assertThat(noneHolds.states()).isEqualTo(AlertStates.none());
        assertThat(evaluator.status(noneHoldsSums, noneHolds.states()).severities().get(PAGE)).isEqualTo(new SeverityStatus.Ok());
    }

    @Test
    void shouldFireEachSeverityOnItsOwnPageFirst() {
        AlertEvaluator evaluator = new AlertEvaluator(SLO, PAIRS);

        Evaluation evaluation = evaluator.evaluate(sums(T0, failing("2h", "1d", "5m", "1h")), AlertStates.none());

        assertThat(evaluation.transitions()).extracting(AlertTransition::severity).containsExactly(PAGE, TICKET);
        assertThat(evaluation.states().active()).containsOnlyKeys(PAGE, TICKET);
    }

    @Test
    void shouldResolveASeverityThatAChangedDefinitionNoLongerHas() {
        Evaluation firing = new AlertEvaluator(SLO, PAIRS).evaluate(sums(T0, failing("2h", "1d")), AlertStates.none());
        List<AlertPair> pagesOnly = PAIRS.stream().filter(p -> p.severity() == PAGE).toList();

        AlertEvaluator changed = new AlertEvaluator(SLO, pagesOnly);
        WindowSums later = sums(T0.plusSeconds(60), failing("2h", "1d"));
        Evaluation afterChange = changed.evaluate(later, firing.states());

        assertThat(afterChange.transitions()).singleElement().satisfies(t -> {
            assertThat(t.severity()).isEqualTo(TICKET);
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.trigger().orElseThrow().pair().name()).as("the SLO's fastest pair names the windows").isEqualTo("page-fast");
        });
        assertThat(changed.status(later, afterChange.states()).severities()).containsOnlyKeys(PAGE);
    }

    @Test
    void shouldReportNoDataWhenEveryLongWindowOfASeverityIsEmpty() {
        Map<String, Tally> silentPages = new LinkedHashMap<>();
        for (String window : List.of("5m", "30m", "1h", "6h")) {
            silentPages.put(window, Tally.ZERO);
        }

        SloStatus status = new AlertEvaluator(SLO, PAIRS).status(sums(T0, silentPages), AlertStates.none());

        assertThat(status.severities())
                .containsEntry(PAGE, new SeverityStatus.NoData())
                .containsEntry(TICKET, new SeverityStatus.Ok());
    }

    @Test
    void shouldPlanEveryPairWindowTheForecastWindowsAndTheSloWindow() {
        WindowPlan plan = new AlertEvaluator(SLO, PAIRS.subList(2, 4)).windowPlan(WindowPlan.DEFAULT_GRACE);

        assertThat(plan.rollingWindows()).containsExactly(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6),
                Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(30));
        assertThat(plan.grace()).isEqualTo(WindowPlan.DEFAULT_GRACE);
    }
}
