package dev.slopipeline.router.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.delivery.Samples;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloFactsTest {

    private static Notification with(Map<String, String> labels, Map<String, String> annotations) {
        Alert alert = new Alert(AlertState.FIRING, labels, annotations, Instant.parse("2026-11-23T10:04:00Z"), null,
                null, "fp");
        return new Notification("n", "r", "g", List.of(alert), Map.of(), Map.of(), Map.of(),
                URI.create("https://router.example"), null, null);
    }

    @Test
    void shouldPreferWhatTheGroupSharesOverTheFirstFiringAlert() {
        SloFacts facts = SloFacts.of(Samples.firing("n"));

        assertThat(facts.summary()).contains("Users cannot check out");
        assertThat(facts.slo()).contains("checkout-availability");
        assertThat(facts.burnRateText()).contains("20.1×");
        assertThat(facts.budgetRemainingText()).contains("83%");
    }

    @Test
    void shouldFallBackFromSummaryToSloToAlertName() {
        assertThat(SloFacts.of(with(Map.of("slo", "search-latency"), Map.of())).headline())
                .isEqualTo("search-latency is burning its error budget");
        assertThat(SloFacts.of(with(Map.of("alertname", "HighErrorRate"), Map.of())).headline())
                .isEqualTo("HighErrorRate");
        assertThat(SloFacts.of(with(Map.of(), Map.of())).headline()).isEqualTo("SLO alert");
    }

    @Test
    void shouldShowValuesThatAreNotNumbersAsWritten() {
        SloFacts facts = SloFacts.of(with(Map.of(), Map.of("burn_rate", "very high", "budget_remaining", "none")));

        assertThat(facts.burnRateText()).contains("very high");
        assertThat(facts.budgetRemainingText()).contains("none");
        assertThat(SloFacts.of(with(Map.of(), Map.of())).burnRateText()).isEqualTo(Optional.empty());
    }
}
