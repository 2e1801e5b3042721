package dev.slopipeline.router.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.notification.AlertStore.Admission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Map<String, String> PAGE = Map.of("slo", "checkout", "severity", "page");

    private static LabelledAlert firing(Map<String, String> labels, Instant at) {
        return new LabelledAlert(labels, Map.of(), T0, null, at);
    }

    private static LabelledAlert resolved(Map<String, String> labels, Instant at) {
        return new LabelledAlert(labels, Map.of(), T0, at, at);
    }

    @Test
    void shouldKeepTheLatestTransitionOfEachAlert() {
        AlertStore store = new AlertStore();

        assertThat(store.put(firing(PAGE, T0))).isEqualTo(Admission.NEW);
        assertThat(store.put(resolved(PAGE, T0.plusSeconds(60)))).isEqualTo(Admission.UPDATED);

        assertThat(store.get(Fingerprint.of(PAGE))).hasValueSatisfying(a -> assertThat(a.resolved()).isTrue());
        assertThat(store.firing()).isEmpty();
    }

    @Test
    void shouldIgnoreATransitionOlderThanTheOneItHas() {
        AlertStore store = new AlertStore();
        store.put(resolved(PAGE, T0.plusSeconds(60)));

        assertThat(store.put(firing(PAGE, T0))).isEqualTo(Admission.STALE);

        assertThat(store.firing()).isEmpty();
    }

    @Test
    void shouldForgetResolvedAlertsAfterTheRetentionUnlessAGroupStillHoldsThem() {
        AlertStore store = new AlertStore();
        Map<String, String> ticket = Map.of("slo", "checkout", "severity", "ticket");
        Map<String, String> other = Map.of("slo", "search", "severity", "page");
        store.put(resolved(PAGE, T0));
        store.put(resolved(ticket, T0));
        store.put(firing(other, T0));
        Instant later = T0.plus(AlertStore.RESOLVED_RETENTION);

        store.prune(later.minus(Duration.ofSeconds(1)), fingerprint -> false);
        assertThat(store.all()).hasSize(3);

        store.prune(later, fingerprint -> fingerprint.equals(Fingerprint.of(ticket)));
        assertThat(store.all()).extracting(LabelledAlert::labels).containsExactlyInAnyOrder(ticket, other);
    }

    @Test
    void shouldListAlertsInFingerprintOrder() {
        AlertStore store = new AlertStore();
        List<Map<String, String>> labelSets = List.of(Map.of("a", "1"), Map.of("a", "2"), Map.of("a", "3"));
        labelSets.forEach(labels -> store.put(firing(labels, T0)));

        assertThat(store.all()).extracting(LabelledAlert::fingerprint).isSorted();
    }
}
