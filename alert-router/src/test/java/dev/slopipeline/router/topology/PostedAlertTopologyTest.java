package dev.slopipeline.router.topology;

import static dev.slopipeline.router.topology.RouterDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts posted to Alertmanager's API live as they would in Alertmanager: they fire while re-sent, resolve at their
 * end, or resolve_timeout after the last send when they have none, and are grouped and notified like SLO alerts.
 */
class PostedAlertTopologyTest {

    private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration GROUP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, String> DISK_FULL = Map.of("alertname", "DiskFull", "instance", "db-1");

    private final RouterDriver r = new RouterDriver("""
            global: {resolve_timeout: 5m}
            route:
              receiver: storage
              group_by: [alertname]
              group_wait: 30s
              group_interval: 1m
            receivers:
            - name: storage
              webhook_configs: [{url: 'https://hooks.example/storage', send_resolved: true}]
            """, DefaultInhibition.ON);

    @AfterEach
    void close() {
        r.close();
    }

    @Test
    void shouldNotifyAPostedAlertAfterGroupWaitWithItsLabelsAnnotationsAndStart() {
        r.post(alert(Optional.of(T0.minusSeconds(5)), Optional.empty()));

        r.advance(GROUP_WAIT);

        assertThat(r.newNotifications()).singleElement().satisfies(notification -> {
            assertThat(notification.receiver()).isEqualTo("storage");
            assertThat(notification.status()).isEqualTo(AlertState.FIRING);
            assertThat(notification.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.labels()).isEqualTo(DISK_FULL);
                assertThat(alert.annotations()).containsEntry("summary", "disk 97% full");
                assertThat(alert.startsAt()).isEqualTo(T0.minusSeconds(5));
            });
        });
    }

    @Test
    void shouldResolveAnAlertWithoutAnEndResolveTimeoutAfterItWasLastSent() {
        r.post(alert(Optional.empty(), Optional.empty()));
        r.advance(GROUP_WAIT);
        assertThat(r.newNotifications()).extracting(Notification::status).containsExactly(AlertState.FIRING);

        // sent again before the timeout: it keeps firing past the first send's timeout
        r.advanceTo(Duration.ofMinutes(4));
        r.post(alert(Optional.empty(), Optional.empty()));
        r.advanceTo(Duration.ofMinutes(8));
        assertThat(r.newNotifications()).isEmpty();

        // resolved at 9m; notified at the group's next flush, within group_interval
        r.advanceTo(Duration.ofMinutes(4).plus(RESOLVE_TIMEOUT));
        r.advanceTo(Duration.ofMinutes(4).plus(RESOLVE_TIMEOUT).plus(GROUP_INTERVAL));
        assertThat(r.newNotifications()).singleElement().satisfies(notification -> {
            assertThat(notification.status()).isEqualTo(AlertState.RESOLVED);
            assertThat(notification.alerts()).singleElement().satisfies(alert ->
                    assertThat(alert.endsAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)).plus(RESOLVE_TIMEOUT)));
        });
    }

    @Test
    void shouldResolveAtOnceWhenTheAlertIsSentWithAnEndInThePast() {
        r.post(alert(Optional.of(T0), Optional.of(T0.plus(Duration.ofHours(1)))));
        r.advance(GROUP_WAIT);
        assertThat(r.newNotifications()).extracting(Notification::status).containsExactly(AlertState.FIRING);

        r.advanceTo(Duration.ofMinutes(2));
        Instant stoppedAt = r.now().minusSeconds(10);
        r.post(alert(Optional.of(T0), Optional.of(stoppedAt)));
        r.advanceTo(Duration.ofMinutes(2).plus(GROUP_INTERVAL));

        assertThat(r.newNotifications()).singleElement().satisfies(notification -> {
            assertThat(notification.status()).isEqualTo(AlertState.RESOLVED);
            assertThat(notification.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.startsAt()).isEqualTo(T0);
                assertThat(alert.endsAt()).isEqualTo(stoppedAt);
            });
        });
    }

    @Test
    void shouldResolveEachAlertAtItsOwnEndWhenItIsNotSentAgain() {
        r.post(new PostedAlert(Map.of("alertname", "CertExpiring"), Map.of(), Optional.of(T0),
                Optional.of(T0.plus(Duration.ofMinutes(2))), r.now()));
        r.post(new PostedAlert(Map.of("alertname", "QueueBacklog"), Map.of(), Optional.of(T0),
                Optional.of(T0.plus(Duration.ofMinutes(5))), r.now()));
        r.advance(GROUP_WAIT);
        assertThat(r.newNotifications()).extracting(Notification::status)
                .containsExactly(AlertState.FIRING, AlertState.FIRING);

        r.advanceTo(Duration.ofMinutes(2));
        r.advanceTo(Duration.ofMinutes(2).plus(GROUP_INTERVAL));
        assertThat(r.newNotifications()).singleElement().satisfies(notification -> {
            assertThat(notification.status()).isEqualTo(AlertState.RESOLVED);
            assertThat(notification.groupLabels()).containsEntry("alertname", "CertExpiring");
        });

        r.advanceTo(Duration.ofMinutes(5));
        r.advanceTo(Duration.ofMinutes(5).plus(GROUP_INTERVAL));
        assertThat(r.newNotifications()).singleElement().satisfies(notification -> {
            assertThat(notification.status()).isEqualTo(AlertState.RESOLVED);
            assertThat(notification.groupLabels()).containsEntry("alertname", "QueueBacklog");
        });
    }

    @Test
    void shouldNotifyNothingForAnAlertThatArrivesAlreadyResolved() {
        r.post(alert(Optional.of(T0.minusSeconds(600)), Optional.of(T0.minusSeconds(60))));

        r.advance(GROUP_WAIT.multipliedBy(4));

        assertThat(r.newNotifications()).isEmpty();
    }

    @Test
    void shouldDeadLetterARecordThatIsNotAPostedAlert() {
        r.posted.pipeInput("cbf29ce484222325", ("{\"labels\":{},\"receivedAt\":\"" + r.now() + "\"}").getBytes(
                StandardCharsets.UTF_8), r.now());

        assertThat(r.deadLetters.readRecordsToList()).singleElement()
                .satisfies(record -> assertThat(new String(record.headers().lastHeader("slo.dlq.reason").value()))
                        .contains("at least one label"));
    }

    private PostedAlert alert(Optional<Instant> startsAt, Optional<Instant> endsAt) {
        return new PostedAlert(DISK_FULL, Map.of("summary", "disk 97% full"), startsAt, endsAt, r.now());
    }

}
