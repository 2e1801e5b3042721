package dev.slopipeline.definitions.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.PairOverride;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurnRatePolicyTest {

    private static SloDefinition slo(double objective, SloWindow window, AlertingSpec alerting) {
        Indicator indicator = new Indicator.Requests(
                List.of(new EventMatcher("checkout-api", null, Map.of())), new StatusRule.Below(500), OptionalDouble.empty());
        return new SloDefinition("checkout-availability", Map.of(), null, "storefront", "checkout", indicator,
                objective, window, new Budgeting.Occurrences(), alerting);
    }

    private static SloDefinition rolling(double objective, int days) {
        return slo(objective, new SloWindow.Rolling(Duration.ofDays(days)), AlertingSpec.defaults());
    }

    @ParameterizedTest(name = "{0} days: {1} / {2} / {3} / {4}")
    @CsvSource({
            "30, 14.4, 6, 3, 1",
            "28, 13.44, 5.6, 2.8, 0.93333",
            "7, 3.36, 1.4, 0.7, 0.23333",
    })
    void shouldScaleTheWorkbookFactorsToTheWindow(int days, double pageFast, double pageSlow, double ticketFast, double ticketSlow) {
        List<AlertPair> pairs = BurnRatePolicy.pairsFor(rolling(99.9, days), 1);

        assertThat(pairs).extracting(AlertPair::name).containsExactly("page-fast", "page-slow", "ticket-fast", "ticket-slow");
        assertThat(pairs).extracting(AlertPair::factor).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-4 ? 0 : 1)
                .containsExactly(pageFast, pageSlow, ticketFast, ticketSlow);
    }

    @Test
    void shouldUseTheWorkbookWindowsAndBudgetShares() {
        List<AlertPair> pairs = BurnRatePolicy.pairsFor(rolling(99.9, 30), 1);

        assertThat(pairs).extracting(AlertPair::longWindow)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));
        assertThat(pairs).extracting(AlertPair::shortWindow)
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
        assertThat(pairs).extracting(AlertPair::budgetPercent).containsExactly(2.0, 5.0, 10.0, 10.0);
        assertThat(pairs).extracting(AlertPair::severity)
                .containsExactly(Severity.PAGE, Severity.PAGE, Severity.TICKET, Severity.TICKET);
    }

    @Test
    void shouldTurnTheFactorIntoAnErrorRatioThreshold() {
        AlertPair pageFast = BurnRatePolicy.pairsFor(rolling(99.9, 30), 1).get(0);

        // 14.4 × 0.001: the page fires when more than 1.44 % of requests fail in both windows
        assertThat(pageFast.errorRatioThreshold()).isCloseTo(0.0144, within(1e-12));
        assertThat(pageFast.canFire()).isTrue();
    }

    @Test
    void shouldDetectAFullOutageAfterThresholdTimesTheLongWindow() {
        AlertPair pageFast = BurnRatePolicy.pairsFor(rolling(99.9, 30), 1).get(0);
        AlertPair ticketSlow = BurnRatePolicy.pairsFor(rolling(99.9, 30), 1).get(3);

        // 0.0144 × 3600 s = 51.84 s; 0.001 × 3 d = 259.2 s
        assertThat(pageFast.timeToDetectFullOutage()).isEqualTo(Duration.ofMillis(51_840));
        assertThat(ticketSlow.timeToDetectFullOutage()).isEqualTo(Duration.ofMillis(259_200));
    }

    @Test
    void shouldExhaustTheBudgetInWindowOverFactor() {
        AlertPair pageFast = BurnRatePolicy.pairsFor(rolling(99.9, 30), 1).get(0);

        // 720 h ÷ 14.4 = 50 h: the burn that pages uses up a month's budget in about two days
        assertThat(pageFast.timeToExhaustBudget(Duration.ofDays(30))).isEqualTo(Duration.ofHours(50));
    }

    @Test
    void shouldReportThatALowObjectiveCannotPage() {
        List<AlertPair> pairs = BurnRatePolicy.pairsFor(rolling(90, 30), 1);

        // 14.4 × 10 % = 144 % of requests would have to fail
        assertThat(pairs.get(0).canFire()).isFalse();
        assertThat(pairs.get(1).canFire()).isTrue();
    }

    @Test
    void shouldTakeTheCalendarMonthAsThirtyDays() {
        SloDefinition monthly = slo(99.9, new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")),
                AlertingSpec.defaults());

        assertThat(BurnRatePolicy.pairsFor(monthly, 1).get(0).factor()).isCloseTo(14.4, within(1e-9));
    }

    @ParameterizedTest(name = "tier {0}: {1}, {2}")
    @CsvSource({"1, PAGE, TICKET", "2, PAGE, TICKET", "3, TICKET, TICKET", "4, NOTIFY, NOTIFY"})
    void shouldTakeSeveritiesFromTheServiceTier(int tier, Severity fastPair, Severity slowTicket) {
        List<AlertPair> pairs = BurnRatePolicy.pairsFor(rolling(99.9, 30), tier);

        assertThat(pairs.get(0).severity()).isEqualTo(fastPair);
        assertThat(pairs.get(3).severity()).isEqualTo(slowTicket);
    }

    @Test
    void shouldApplyOverridesDisableAndAddPairs() {
        PairOverride longerFastPage = new PairOverride(Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofHours(2)), Optional.of(Duration.ofMinutes(10)), OptionalDouble.empty());
        PairOverride extra = new PairOverride(Optional.empty(), Optional.of(Severity.NOTIFY),
                Optional.of(Duration.ofDays(7)), Optional.of(Duration.ofDays(1)), OptionalDouble.of(20));
        Map<String, PairOverride> overrides = new java.util.LinkedHashMap<>();
        overrides.put("page-fast", longerFastPage);
        overrides.put("ticket-slow", PairOverride.disabled());
        overrides.put("weekly-digest", extra);
        SloDefinition custom = slo(99.5, new SloWindow.Rolling(Duration.ofDays(28)), new AlertingSpec(500, overrides));

        List<AlertPair> pairs = BurnRatePolicy.pairsFor(custom, 1);

        assertThat(pairs).extracting(AlertPair::name).containsExactly("page-fast", "page-slow", "ticket-fast", "weekly-digest");
        AlertPair pageFast = pairs.get(0);
        assertThat(pageFast.longWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(pageFast.factor()).isCloseTo(0.02 * 28 * 24 / 2, within(1e-9));
        assertThat(pageFast.minEvents()).isEqualTo(500);
        AlertPair weekly = pairs.get(3);
        assertThat(weekly.severity()).isEqualTo(Severity.NOTIFY);
        assertThat(weekly.factor()).isCloseTo(0.2 * 28 / 7, within(1e-9));
        assertThat(weekly.errorRatioThreshold()).isCloseTo(0.8 * 0.005, within(1e-12));
    }
}
