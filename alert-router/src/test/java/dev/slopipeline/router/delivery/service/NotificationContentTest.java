package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.delivery.Samples;
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Notification;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationContentTest {

    private static final Notification PAGE = Samples.firing("page-1");

    @Test
    void shouldGiveARedoOfANotificationTheSameDigestWhateverItsLinks() {
        Notification redo = new Notification("page-1", PAGE.receiver(), PAGE.groupKey(), PAGE.alerts(),
                PAGE.groupLabels(), PAGE.commonLabels(), PAGE.commonAnnotations(),
                URI.create("https://router-2.example"), null,
                new Acknowledgement("alice", Samples.STARTED.plusSeconds(60)));

        assertThat(NotificationContent.digest(redo)).isEqualTo(NotificationContent.digest(PAGE)).hasSize(32);
    }

    @Test
    void shouldTellApartNotificationsThatSayDifferentThings() {
        List<Notification> others = List.of(
                Samples.resolved("page-1"),
                Samples.group("page-1", "team-ops", PAGE.alerts(), null),
                Samples.group("page-1", "team-shop", List.of(Samples.availability(AlertState.FIRING)), null),
                Samples.group("page-1", "team-shop", List.of(Samples.latency(AlertState.FIRING),
                        Samples.availability(AlertState.FIRING)), null));

        assertThat(others).extracting(NotificationContent::digest)
                .doesNotHaveDuplicates()
                .doesNotContain(NotificationContent.digest(PAGE));
    }

    @Test
    void shouldDeriveAKeyFromTheDeliveryKeyAndTheDigest() {
        assertThat(NotificationContent.derivedKey("page-1#0", "3fa2b1c4d5e6f708a9b0c1d2e3f40516"))
                .isEqualTo("page-1#0~3fa2b1c4d5e6");
    }
}
