package dev.slopipeline.router.routing.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.notification.Fingerprint;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationLogTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Set<Fingerprint> A = Set.of(new Fingerprint(1));

    @Test
    void shouldNumberTheNotificationsOfEachGroupAndReceiverApart() {
        NotificationLog log = new NotificationLog();

        assertThat(log.record("g1", "team", A, Set.of(), T0).sequence()).isEqualTo(1);
        assertThat(log.record("g1", "team", Set.of(), A, T0.plusSeconds(60)).sequence()).isEqualTo(2);
        assertThat(log.record("g1", "pager", A, Set.of(), T0).sequence()).isEqualTo(1);
        assertThat(log.record("g2", "team", A, Set.of(), T0).sequence()).isEqualTo(1);

        assertThat(log.get("g1", "team")).hasValueSatisfying(entry -> {
            assertThat(entry.firing()).isEmpty();
            assertThat(entry.resolved()).containsExactly(new Fingerprint(1));
            assertThat(entry.timestamp()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(log.entries()).extracting(e -> e.groupKey() + " " + e.receiver())
                .containsExactly("g1 pager", "g1 team", "g2 team");
    }

    @Test
    void shouldForgetAnEntryTheRetentionAfterItWasWrittenAndStartCountingAgain() {
        NotificationLog log = new NotificationLog();
        log.record("g", "team", A, Set.of(), T0);
        Instant expiry = T0.plus(NotificationLog.RETENTION);

        log.prune(expiry.minusNanos(1));
        assertThat(log.get("g", "team")).isPresent();

        log.prune(expiry);
        assertThat(log.get("g", "team")).isEmpty();
        assertThat(log.record("g", "team", A, Set.of(), expiry).sequence()).isEqualTo(1);
    }
}
