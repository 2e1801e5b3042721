package dev.slopipeline.definitions.openslo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.Indicator.WarnCounts;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.SloWindow.CalendarPeriod;
import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.model.TextMatcher;
import dev.slopipeline.kit.yaml.SourceLocation;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenSloTranslatorTest {

    private static final List<EventMatcher> CHECKOUT = List.of(
            new EventMatcher("checkout-api", new TextMatcher.Exact("POST /checkout"), Map.of()),
            new EventMatcher("payments", TextMatcher.Regex.compile("POST /charge.*"), Map.of("region", "eu")));

    @Test
    void shouldAcceptOnlyOpenSloV1() {
        OpenSloTranslator translator = new OpenSloTranslator();

        assertThat(translator.accepts("openslo/v1")).isTrue();
        assertThat(translator.accepts("openslo/v1alpha")).isFalse();
        assertThat(translator.accepts("slo-pipeline/v1")).isFalse();
    }

    @Test
    void shouldTranslateAServiceWithOwnerAndTierFromItsLabels() {
        Translation translation = Translation.ofFixtures("good/rolling-occurrences.yaml");

        assertThat(translation.problems()).isEmpty();
        assertThat(translation.services()).singleElement().satisfies(declared -> {
            assertThat(declared.definition()).isEqualTo(new ServiceDefinition("storefront", "team-shop", 1, null,
                    "The web shop customers use", Map.of(), Map.of("domain", "shop")));
            assertThat(declared.location()).isEqualTo(new SourceLocation("good/rolling-occurrences.yaml", 2, 1));
            assertThat(declared.at("metadata.name")).isEqualTo(new SourceLocation("good/rolling-occurrences.yaml", 5, 9));
        });
    }

    @Test
    void shouldTranslateARollingWindowCountingOccurrencesWithAnInlineIndicator() {
        Translation translation = Translation.ofFixtures("good/rolling-occurrences.yaml");

        assertThat(translation.onlySlo()).isEqualTo(new SloDefinition(
                "checkout-availability",
                Map.of("team", "payments", "tags", "checkout,revenue"),
                "Customers can pay for their cart",
                "storefront",
                "checkout-availability",
                new Indicator.Requests(CHECKOUT, new StatusRule.Below(500), OptionalDouble.of(1000)),
                99.9,
                new SloWindow.Rolling(Duration.ofDays(28)),
                new Budgeting.Occurrences(),
                AlertingSpec.defaults()));
    }

    @Test
    void shouldRecordWhereTheNameAndServiceOfAnSloWereWritten() {
        Translation translation = Translation.ofFixtures("good/rolling-occurrences.yaml");

        assertThat(translation.slos()).singleElement().satisfies(declared -> {
            assertThat(declared.location()).isEqualTo(new SourceLocation("good/rolling-occurrences.yaml", 14, 1));
            assertThat(declared.at("metadata.name")).isEqualTo(new SourceLocation("good/rolling-occurrences.yaml", 17, 9));
            assertThat(declared.at("spec.service")).isEqualTo(new SourceLocation("good/rolling-occurrences.yaml", 26, 12));
        });
    }

    @Test
    void shouldTranslateACalendarMonthJudgedInTimeslicesAndWarnThatAlertPoliciesAreIgnored() {
        Translation translation = Translation.ofFixtures("good/calendar-timeslices.yaml");

        assertThat(translation.problems()).containsExactly("good/calendar-timeslices.yaml:33:3: warning: alertPolicies are "
                + "ignored: slo-pipeline alerts with the workbook burn-rate pairs (page-fast, page-slow, ticket-fast, "
                + "ticket-slow; see OPENSLO.md)");
        assertThat(translation.slos()).singleElement().extracting(declared -> declared.definition()).isEqualTo(new SloDefinition(
                "search-availability", Map.of(), null, "storefront", null,
                new Indicator.Requests(List.of(new EventMatcher("search-api", new TextMatcher.Exact("GET /search"), Map.of())),
                        new StatusRule.AnyOf(Set.of(200, 204, 304)), OptionalDouble.empty()),
                99.5,
                new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")),
                new Budgeting.Timeslices(0.95),
                AlertingSpec.defaults()));
    }

    @Test
    void shouldResolveIndicatorRefsToSlisInAnotherFile() {
        Translation translation = Translation.ofFixtures("good/refs/slos.yaml", "good/refs/slis.yaml");

        assertThat(translation.problems()).isEmpty();
        Map<String, SloDefinition> slos = translation.slosByName();
        assertThat(slos).containsOnlyKeys("login-probe", "profile-latency");
        assertThat(slos.get("login-probe").indicator()).isEqualTo(new Indicator.Health(
                List.of(new EventMatcher("login", new TextMatcher.Exact("synthetic-login"), Map.of())), WarnCounts.BAD));
        assertThat(slos.get("login-probe").window()).isEqualTo(new SloWindow.Calendar(CalendarPeriod.WEEK, ZoneOffset.UTC));
        assertThat(slos.get("login-probe").objectivePercent()).isEqualTo(99.0);
        assertThat(slos.get("profile-latency").indicator()).isEqualTo(new Indicator.Requests(
                List.of(new EventMatcher("accounts-api", TextMatcher.Regex.compile("GET /profile/.*"), Map.of())),
                null, OptionalDouble.of(300)));
        assertThat(slos.get("profile-latency").window()).isEqualTo(new SloWindow.Rolling(Duration.ofDays(28)));
        assertThat(slos.get("profile-latency").objectivePercent()).isEqualTo(95.0);
    }

    @Test
    void shouldTurnBadCriteriaIntoTheExactGoodCriteria() {
        SloDefinition slo = Translation.ofFixtures("good/bad-metric.yaml").onlySlo();

        assertThat(slo.indicator()).isEqualTo(new Indicator.Requests(
                List.of(new EventMatcher("cart-api", null, Map.of())), new StatusRule.Below(500), OptionalDouble.empty()));
        assertThat(slo.window()).isEqualTo(new SloWindow.Rolling(Duration.ofDays(30)));
        assertThat(slo.objectivePercent()).isEqualTo(99.9);
    }

    @Test
    void shouldTranslateTheWorkedExampleOfOpenSloMdAsItSays() {
        Translation translation = Translation.ofFixtures("example/storefront.yaml", "example/slis.yaml");

        assertThat(translation.problems()).containsExactly("example/storefront.yaml:30:3: warning: alertPolicies are ignored: "
                + "slo-pipeline alerts with the workbook burn-rate pairs (page-fast, page-slow, ticket-fast, ticket-slow; "
                + "see OPENSLO.md)");
        assertThat(translation.services()).extracting(declared -> declared.definition()).containsExactly(new ServiceDefinition(
                "storefront", "team-shop", 1, null, "The web shop customers use", Map.of(), Map.of("domain", "shop")));
        assertThat(translation.slos()).extracting(declared -> declared.definition()).containsExactly(
                new SloDefinition("checkout-availability", Map.of("team", "payments"), "Customers can pay for their cart",
                        "storefront", null,
                        new Indicator.Requests(List.of(
                                new EventMatcher("checkout-api", new TextMatcher.Exact("POST /checkout"), Map.of()),
                                new EventMatcher("payments", TextMatcher.Regex.compile("POST /charge.*"), Map.of())),
                                new StatusRule.Below(500), OptionalDouble.of(1000)),
                        99.9, new SloWindow.Rolling(Duration.ofDays(28)), new Budgeting.Occurrences(), AlertingSpec.defaults()),
                new SloDefinition("cart-monthly", Map.of(), null, "storefront", null,
                        new Indicator.Requests(List.of(new EventMatcher("cart-api", null, Map.of())),
                                new StatusRule.Below(500), OptionalDouble.empty()),
                        99.5, new SloWindow.Calendar(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")),
                        new Budgeting.Timeslices(0.95), AlertingSpec.defaults()));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("bad/prometheus-metric-source.yaml", List.of(
                        "bad/prometheus-metric-source.yaml:12:19: metricSource type \"Prometheus\" is not supported: "
                                + "slo-pipeline evaluates its own event stream; use type: slo-pipeline (see OPENSLO.md)",
                        "bad/prometheus-metric-source.yaml:17:19: metricSource type \"Prometheus\" is not supported: "
                                + "slo-pipeline evaluates its own event stream; use type: slo-pipeline (see OPENSLO.md)")),
                Arguments.of("bad/threshold-metric.yaml", List.of(
                        "bad/threshold-metric.yaml:6:3: thresholdMetric is not supported: slo-pipeline judges each event good "
                                + "or bad, so an SLI needs a ratioMetric with good (or bad) and total (see OPENSLO.md)")),
                Arguments.of("bad/rolling-month.yaml", List.of(
                        "bad/rolling-month.yaml:22:17: a rolling window of \"1M\" has no fixed length (months have 28 to 31 "
                                + "days): write 30d for a rolling window, or isRolling: false for a calendar month")),
                Arguments.of("bad/quarter.yaml", List.of(
                        "bad/quarter.yaml:22:17: timeWindow duration \"1Q\" counts quarters, which slo-pipeline does not "
                                + "support: use a calendar month (1M with isRolling: false), a calendar week (1w) or a rolling "
                                + "window such as 28d or 90d")),
                Arguments.of("bad/two-objectives.yaml", List.of(
                        "bad/two-objectives.yaml:26:7: SLO \"checkout-availability\" has 2 objectives: slo-pipeline supports "
                                + "one objective per SLO; write one SLO per objective")),
                Arguments.of("bad/missing-target.yaml", List.of(
                        "bad/missing-target.yaml:24:7: the objective of SLO \"checkout-availability\" needs target "
                                + "(e.g. 0.999) or targetPercent (e.g. 99.9)")),
                Arguments.of("bad/unknown-indicator-ref.yaml", List.of(
                        "bad/unknown-indicator-ref.yaml:7:17: indicatorRef \"checkout-request\" names no SLI; "
                                + "did you mean \"checkout-requests\"?")),
                Arguments.of("bad/good-total-mismatch.yaml", List.of(
                        "bad/good-total-mismatch.yaml:10:9: good and total must select the same events: write the same "
                                + "source and match under both; only good adds status or latency_ms")),
                Arguments.of("bad/unknown-field.yaml", List.of(
                        "bad/unknown-field.yaml:7:3: unknown field \"descripton\" in spec of SLO \"checkout-availability\"; "
                                + "did you mean \"description\"?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void shouldReportEveryMistakeWhereItIsWritten(String file, List<String> expected) {
        Translation translation = Translation.ofFixtures(file);

        assertThat(translation.problems()).containsExactlyElementsOf(expected);
        assertThat(translation.slos()).isEmpty();
    }
}
