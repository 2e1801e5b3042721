package dev.slopipeline.definitions.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.policy.AlertPair;
import dev.slopipeline.definitions.yaml.LoadResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labels and words of an SLO alert, as its writer composes them and as the router reads them. */
class AlertLabelsTest {

    private static final Instant FIRED = Instant.parse("2026-11-23T10:04:00Z");

    private static final DefinitionSet SHOP = shop();
    private static final SloDefinition CHECKOUT = SHOP.slos().get("checkout-availability");
    private static final ServiceDefinition STOREFRONT = SHOP.services().get("storefront");

    private static DefinitionSet shop() {
        LoadResult result = Definitions.loadTexts(Map.of("shop.yaml", """
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: storefront}
                spec: {owner: team-shop, tier: 1, runbook: https://runbooks.example/storefront}
                ---
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata:
                  name: checkout-availability
                  labels: {team: payments, severity: critical, area: shop}
                spec:
                  service: storefront
                  journey: checkout
                  description: Customers can pay for their cart
                  indicator:
                    match: [{service: checkout-api}]
                    good: {status: {below: 500}}
                  objective: 99.9
                  window: 30d
                """));
        assertThat(result.problems()).isEmpty();
        return result.definitions();
    }

    private static Alert firing(Map<String, String> labels, Map<String, String> annotations) {
        return new Alert(Alert.id("checkout-availability", Severity.PAGE, FIRED), "checkout-availability", "storefront",
                "checkout", Severity.PAGE, AlertState.FIRING, FIRED, FIRED,
                new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)), new Alert.BurnRate(20.1, 35.2), 14.4,
                List.of("page-fast"), 0.83, null, labels, annotations, List.of(), List.of());
    }

    @Test
    void shouldWriteIdentityOwnerAndTierFirstThenTheSlosOwnLabelsByNameWithoutOverridingThem() {
        assertThat(AlertLabels.of(CHECKOUT, STOREFRONT, Severity.PAGE)).containsExactly(
                entry("slo", "checkout-availability"), entry("service", "storefront"), entry("journey", "checkout"),
                entry("severity", "page"), entry("owner", "team-shop"), entry("tier", "1"), entry("area", "shop"),
                entry("team", "payments"));
    }

    @Test
    void shouldKnowAnAlertByItsLabelsWithItsNameAndIdentityWinning() {
        Alert alert = firing(Map.of("team", "payments", "severity", "critical", "alertname", "Mine"), Map.of());

        assertThat(AlertLabels.of(alert)).containsOnly(
                entry("alertname", "SLOBurnRate"), entry("slo", "checkout-availability"), entry("service", "storefront"),
                entry("journey", "checkout"), entry("severity", "page"), entry("team", "payments"));
    }

    @Test
    void shouldPassTheAlertsAnnotationsThroughAndDeliverTheWiresRunbookAsRunbookUrl() {
        Alert alert = firing(Map.of(), Map.of("summary", "Users cannot check out",
                "runbook", "https://runbooks.example/storefront", "description", "why"));

        assertThat(AlertWording.annotations(alert)).containsOnly(
                entry("summary", "Users cannot check out"), entry("description", "why"),
                entry("runbook", "https://runbooks.example/storefront"),
                entry("runbook_url", "https://runbooks.example/storefront"),
                entry("burn_rate", "20.1"), entry("budget_remaining", "0.83"), entry("pairs", "page-fast"));
    }

    @Test
    void shouldWordTheSummaryAndDescriptionForTheJourney() {
        Alert alert = firing(Map.of(), Map.of());
        AlertPair pageFast = new AlertPair("page-fast", Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2.0,
                14.4, 0.0144, 0);

        assertThat(AlertWording.summary(CHECKOUT, alert, 0.032)).isEqualTo("Customers can pay for their cart is failing: "
                + "3.2 % of checkout requests fail (5m); the 30-day error budget burns 20.1× too fast (budget left 83 %)");
        assertThat(AlertWording.description(CHECKOUT, alert, pageFast)).isEqualTo("SLO checkout-availability: 99.9 % of "
                + "checkout requests good over a rolling 30d. page-fast fired: burn rate 20.1 over 1h and 35.2 over 5m, "
                + "threshold 14.4 (error ratio 1.44 %).");
    }
}
