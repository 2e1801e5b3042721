package dev.slopipeline.router.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.delivery.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void shouldFireWhileAnyAlertFires() {
        Notification mixed = Samples.group("n", "r", List.of(Samples.availability(AlertState.RESOLVED),
                Samples.latency(AlertState.FIRING)), null);

        assertThat(mixed.status()).isEqualTo(AlertState.FIRING);
        assertThat(mixed.firingCount()).isEqualTo(1);
        assertThat(mixed.resolvedCount()).isEqualTo(1);
        assertThat(Samples.resolved("n").status()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void shouldRefuseAGroupWithoutAlerts() {
        assertThatThrownBy(() -> Samples.group("n-9", "r", List.of(), null))
                .hasMessageContaining("n-9").hasMessageContaining("has no alerts");
    }

    @Test
    void shouldRefuseAResolvedAlertWithoutAnEnd() {
        Alert firing = Samples.availability(AlertState.FIRING);

        assertThatThrownBy(() -> new Alert(AlertState.RESOLVED, firing.labels(), firing.annotations(),
                firing.startsAt(), null, null, "fp-1"))
                .hasMessage("alert fp-1 is resolved but has no endsAt");
    }

    @Test
    void shouldKeepLabelsInKeyOrderSoThatPayloadsAreReproducible() {
        assertThat(Samples.availability(AlertState.FIRING).labels().keySet())
                .containsExactly("alertname", "journey", "service", "severity", "slo", "window");
    }
}
