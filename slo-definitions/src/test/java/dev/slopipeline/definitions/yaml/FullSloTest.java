package dev.slopipeline.definitions.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.PairOverride;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import dev.slopipeline.definitions.model.TextMatcher;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every field of the language lands in the model as written, and every default is applied. */
class FullSloTest {

    private static final String EVERYTHING = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata:
              name: storefront
              labels: {domain: shop}
            spec:
              owner: team-shop
              tier: 1
              runbook: https://runbooks.example/storefront
              description: The web shop customers use
              contacts: {slack: "#shop-oncall", email: shop-oncall@example.com}
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata:
              name: checkout-availability
              labels: {team: payments}
            spec:
              service: storefront
              journey: checkout
              description: Customers can pay for their cart
              indicator:
                source: requests
                match:
                  - service: checkout-api
                    operation: "POST /checkout"
                  - service: payments
                    operation: {regex: "POST /charge.*"}
                    attributes: {region: eu}
                good:
                  status: {below: 500}
                  latency_ms: {atMost: 1000}
              objective: 99.9
              window: {calendar: month, timeZone: Europe/Berlin}
              budgeting: {method: timeslices, sliceTarget: 95}
              alerting:
                minEvents: 100
                pairs:
                  page-fast: {longWindow: 2h, shortWindow: 10m}
                  ticket-slow: {enabled: false}
                  weekly-review: {severity: notify, longWindow: 7d, shortWindow: 1d, budgetPercent: 20}
            """;

    @Test
    void shouldReadEveryFieldOfAServiceAndAnSlo() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("shop.yaml", EVERYTHING));

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().services().get("storefront")).isEqualTo(new ServiceDefinition(
                "storefront", "team-shop", 1, "https://runbooks.example/storefront", "The web shop customers use",
                Map.of("slack", "#shop-oncall", "email", "shop-oncall@example.com"), Map.of("domain", "shop")));

        SloDefinition slo = result.definitions().slos().get("checkout-availability");
        Map<String, PairOverride> pairs = new LinkedHashMap<>();
        pairs.put("page-fast", new PairOverride(Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofHours(2)), Optional.of(Duration.ofMinutes(10)), OptionalDouble.empty()));
        pairs.put("ticket-slow", PairOverride.disabled());
        pairs.put("weekly-review", new PairOverride(Optional.empty(), Optional.of(Severity.NOTIFY),
                Optional.of(Duration.ofDays(7)), Optional.of(Duration.ofDays(1)), OptionalDouble.of(20)));
        assertThat(slo).isEqualTo(new SloDefinition(
                "checkout-availability",
                Map.of("team", "payments"),
                "Customers can pay for their cart",
                "storefront",
                "checkout",
                new Indicator.Requests(List.of(
                        new EventMatcher("checkout-api", new TextMatcher.Exact("POST /checkout"), Map.of()),
                        new EventMatcher("payments", TextMatcher.Regex.compile("POST /charge.*"), Map.of("region", "eu"))),
                        new StatusRule.Below(500), OptionalDouble.of(1000)),
                99.9,
                new SloWindow.Calendar(SloWindow.CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")),
                new Budgeting.Timeslices(0.95),
                new AlertingSpec(100, pairs)));
        assertThat(slo.alerting().pairs().keySet()).containsExactly("page-fast", "ticket-slow", "weekly-review");
    }

    @Test
    void shouldApplyTheDefaultsOfEveryOptionalField() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("shop.yaml", """
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: login}
                spec: {owner: team-identity}
                ---
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: login-availability}
                spec:
                  service: login
                  indicator:
                    source: health
                    match: [{service: login, check: {regex: "synthetic-.*"}}]
                  objective: 99.5
                  window: {calendar: week}
                """));

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().services().get("login")).isEqualTo(new ServiceDefinition(
                "login", "team-identity", ServiceDefinition.DEFAULT_TIER, null, null, Map.of(), Map.of()));
        assertThat(result.definitions().slos().get("login-availability")).isEqualTo(new SloDefinition(
                "login-availability", Map.of(), null, "login", "login-availability",
                new Indicator.Health(List.of(new EventMatcher("login", TextMatcher.Regex.compile("synthetic-.*"), Map.of())),
                        Indicator.WarnCounts.GOOD),
                99.5,
                new SloWindow.Calendar(SloWindow.CalendarPeriod.WEEK, ZoneOffset.UTC),
                new Budgeting.Occurrences(),
                AlertingSpec.defaults()));
    }

    @Test
    void shouldReadStatusCodeListsAndALatencyOnlyRule() {
        String inList = ValidSlo.TEXT.replace("good: {status: {below: 500}}", "good: {status: {in: [200, 201, 204]}}");
        String notInList = ValidSlo.TEXT.replace("good: {status: {below: 500}}", "good: {status: {notIn: [500, 503]}}");
        String latencyOnly = ValidSlo.TEXT.replace("good: {status: {below: 500}}", "good: {latency_ms: {atMost: 250.5}}");

        assertThat(requests(inList).status()).isEqualTo(new StatusRule.AnyOf(Set.of(200, 201, 204)));
        assertThat(requests(notInList).status()).isEqualTo(new StatusRule.NoneOf(Set.of(500, 503)));
        assertThat(requests(latencyOnly).status()).isNull();
        assertThat(requests(latencyOnly).latencyAtMostMs()).hasValue(250.5);
    }

    private static Indicator.Requests requests(String sloText) {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml", sloText));
        assertThat(result.problems()).isEmpty();
        return (Indicator.Requests) result.definitions().slos().get("checkout-availability").indicator();
    }
}
