package dev.slopipeline.router.routing.inhibit;

import static dev.slopipeline.router.routing.inhibit.InhibitorTest.equal;
import static dev.slopipeline.router.routing.inhibit.InhibitorTest.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.SloAlerts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultInhibitionTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final InhibitRule UNRELATED = rule(equal("alertname", "ClusterDown"), equal("severity", "ticket"),
            "cluster");

    private static LabelledAlert slo(String slo, Severity severity) {
        return SloAlerts.toLabelled(new Alert(Alert.id(slo, severity, T0), slo, "storefront", "checkout", severity,
                AlertState.FIRING, T0, T0, new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)),
                new Alert.BurnRate(20, 30), 14.4, List.of(), 0.5, null, Map.of(), Map.of(), List.of(), List.of()));
    }

    @Test
    void shouldLetAFiringPageHideTheTicketOfTheSameSloByDefault() {
        Inhibitor inhibitor = new Inhibitor(DefaultInhibition.ON.applyTo(List.of()));
        LabelledAlert page = slo("checkout-availability", Severity.PAGE);
        LabelledAlert ticket = slo("checkout-availability", Severity.TICKET);
        LabelledAlert otherTicket = slo("checkout-latency", Severity.TICKET);
        List<LabelledAlert> known = List.of(page, ticket, otherTicket);

        assertThat(inhibitor.inhibitedBy(ticket.labels(), known)).containsExactly(page.fingerprint());
        assertThat(inhibitor.inhibitedBy(otherTicket.labels(), known)).isEmpty();
        assertThat(inhibitor.inhibitedBy(page.labels(), known)).isEmpty();
    }

    @Test
    void shouldAddTheBuiltInRuleAfterTheConfiguredOnes() {
        assertThat(DefaultInhibition.ON.applyTo(List.of(UNRELATED)))
                .containsExactly(UNRELATED, DefaultInhibition.PAGE_INHIBITS_TICKET);
    }

    @Test
    void shouldLeaveOnlyTheConfiguredRulesWhenOff() {
        assertThat(DefaultInhibition.OFF.applyTo(List.of(UNRELATED))).containsExactly(UNRELATED);
        assertThat(new Inhibitor(DefaultInhibition.OFF.applyTo(List.of())).inhibitedBy(
                slo("a", Severity.TICKET).labels(), List.of(slo("a", Severity.PAGE)))).isEmpty();
    }

    @Test
    void shouldGiveWayToAConfiguredRuleWithTheSameMatchers() {
        InhibitRule perJourney = rule(equal("severity", "page"), equal("severity", "ticket"), "slo", "journey");

        assertThat(DefaultInhibition.ON.applyTo(List.of(perJourney))).containsExactly(perJourney);
    }

    @Test
    void shouldNotDoubleTheExampleConfigsOwnPageRule() {
        List<InhibitRule> configured = RouterConfigLoader.load(Path.of("src/test/resources/routing/slo-router.yml"))
                .orElseThrow().inhibitRules();

        assertThat(DefaultInhibition.ON.applyTo(configured)).isEqualTo(configured);
    }
}
