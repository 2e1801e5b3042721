package dev.slopipeline.router.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.router.notification.SloFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloAlertsTest {

    private static final Instant FIRED = Instant.parse("2026-11-23T10:04:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-23T13:00:00Z");

    static Alert checkout(AlertState state, Map<String, String> labels, Map<String, String> annotations,
                          List<Alert.Contributor> contributors) {
        return new Alert(Alert.id("checkout-availability", Severity.PAGE, FIRED),
                "checkout-availability", "storefront", "checkout", Severity.PAGE, state,
                state == AlertState.FIRING ? FIRED : RESOLVED, FIRED,
                new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)), new Alert.BurnRate(20.1, 35.2), 14.4,
                List.of("page-fast", "page-slow"), 0.83, Instant.parse("2026-11-24T01:30:00.250Z"),
                labels, annotations, contributors,
                List.of(new Alert.Context("payments", "db-ping", HealthStatus.FAIL, "db-1", null),
                        new Alert.Context("payments", "synthetic-login", HealthStatus.WARN, null, null)));
    }

    private static final List<Alert.Contributor> TWO_CONTRIBUTORS = List.of(
            new Alert.Contributor("payments", "POST /charge", 812),
            new Alert.Contributor("checkout-api", "POST /checkout", 40));

    @Test
    void shouldLabelAFiringSloAlertWithItsIdentityAndItsOwnLabels() {
        Alert alert = checkout(AlertState.FIRING, Map.of("team", "payments", "tier", "1"),
                Map.of("summary", "Users cannot check out", "runbook", "https://runbooks.example/storefront",
                        "description", "Checkout errors burn the budget 20x too fast"), TWO_CONTRIBUTORS);

        LabelledAlert labelled = SloAlerts.toLabelled(alert);

        assertThat(labelled.labels()).containsExactly(
                entry("alertname", "SLOBurnRate"), entry("journey", "checkout"), entry("service", "storefront"),
                entry("severity", "page"), entry("slo", "checkout-availability"), entry("team", "payments"),
                entry("tier", "1"));
        assertThat(labelled.annotations()).containsExactly(
                entry("budget_remaining", "0.83"),
                entry("burn_rate", "20.1"),
                entry("context", "payments db-ping fail (db-1), payments synthetic-login warn"),
                entry("contributors", "payments POST /charge (812 bad), checkout-api POST /checkout (40 bad)"),
                entry("description", "Checkout errors burn the budget 20x too fast"),
                entry("exhaustion_at", "2026-11-24T01:30:00.250Z"),
                entry("pairs", "page-fast, page-slow"),
                entry("runbook", "https://runbooks.example/storefront"),
                entry("runbook_url", "https://runbooks.example/storefront"),
                entry("summary", "Users cannot check out"));
        assertThat(labelled.startsAt()).isEqualTo(FIRED);
        assertThat(labelled.endsAt()).isNull();
        assertThat(labelled.updatedAt()).isEqualTo(FIRED);
        assertThat(labelled.status()).isEqualTo(AlertState.FIRING);
        assertThat(labelled.fingerprint()).hasToString("8e549c8592bcd457");
    }

    @Test
    void shouldEndTheAlertAtTheResolutionAndKeepItsFingerprint() {
        Map<String, String> labels = Map.of("team", "payments", "tier", "1");
        LabelledAlert firing = SloAlerts.toLabelled(checkout(AlertState.FIRING, labels, Map.of(), TWO_CONTRIBUTORS));

        LabelledAlert resolved = SloAlerts.toLabelled(checkout(AlertState.RESOLVED, labels, Map.of(), TWO_CONTRIBUTORS));

        assertThat(resolved.startsAt()).isEqualTo(FIRED);
        assertThat(resolved.endsAt()).isEqualTo(RESOLVED);
        assertThat(resolved.updatedAt()).isEqualTo(RESOLVED);
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.toDelivery().status()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.toDelivery().fingerprint()).isEqualTo("8e549c8592bcd457");
    }

    @Test
    void shouldWriteTheFactsDeliveryReadsWhenTheSloSaysLittle() {
        Alert minimal = new Alert(Alert.id("search-latency", Severity.TICKET, FIRED),
                "search-latency", "search", null, Severity.TICKET, AlertState.RESOLVED, RESOLVED, FIRED,
                new Alert.Windows(Duration.ofDays(3), Duration.ofHours(6)), new Alert.BurnRate(0.4, 0.0), 1.0, List.of(),
                -0.25, null, null, null, null, null);

        LabelledAlert labelled = SloAlerts.toLabelled(minimal);

        assertThat(labelled.labels()).containsExactly(entry("alertname", "SLOBurnRate"), entry("service", "search"),
                entry("severity", "ticket"), entry("slo", "search-latency"));
        assertThat(labelled.annotations()).containsExactly(
                entry("budget_remaining", "-0.25"),
                entry("burn_rate", "0.4"),
                entry("summary", "search: SLO search-latency no longer burns its error budget too fast (0.4x over 3d)"));
        SloFacts facts = SloFacts.of(labelled.toDelivery());
        assertThat(facts.slo()).contains("search-latency");
        assertThat(facts.severity()).contains("ticket");
        assertThat(facts.alertName()).contains("SLOBurnRate");
        assertThat(facts.budgetRemainingText()).contains("-25%");
    }

    @Test
    void shouldWriteASummaryForAFiringAlertWithoutOne() {
        LabelledAlert labelled = SloAlerts.toLabelled(checkout(AlertState.FIRING, Map.of(), Map.of(), List.of()));

        assertThat(labelled.annotations()).containsEntry("summary",
                "checkout (storefront): SLO checkout-availability burns its error budget too fast (20.1x over 1h)");
        assertThat(labelled.annotations()).doesNotContainKeys("contributors", "runbook_url");
    }

    @Test
    void shouldLetIdentityLabelsWinOverSloLabelsOfTheSameName() {
        LabelledAlert labelled = SloAlerts.toLabelled(checkout(AlertState.FIRING,
                Map.of("severity", "critical", "slo", "something-else", "alertname", "Mine", "team", "payments"),
                Map.of(), List.of()));

        assertThat(labelled.labels()).contains(entry("severity", "page"), entry("slo", "checkout-availability"),
                entry("alertname", "SLOBurnRate"), entry("team", "payments"));
    }

    @Test
    void shouldPreferAnExplicitRunbookUrlAndListAtMostThreeContributors() {
        List<Alert.Contributor> five = List.of(new Alert.Contributor("a", "GET /1", 5),
                new Alert.Contributor("b", "GET /2", 4), new Alert.Contributor("c", "GET /3", 3),
                new Alert.Contributor("d", "GET /4", 2), new Alert.Contributor("e", "GET /5", 1));

        LabelledAlert labelled = SloAlerts.toLabelled(checkout(AlertState.FIRING, Map.of(),
                Map.of("runbook", "https://old.example", "runbook_url", "https://new.example"), five));

        assertThat(labelled.annotations()).containsEntry("runbook_url", "https://new.example");
        assertThat(labelled.annotations()).containsEntry("contributors",
                "a GET /1 (5 bad), b GET /2 (4 bad), c GET /3 (3 bad) and 2 more");
    }
}
