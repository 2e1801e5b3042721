package dev.slopipeline.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.model.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertStatesTest {

    private static final AlertStates TWO_FIRING = new AlertStates(Map.of(
            Severity.PAGE, new ActiveAlert(Instant.parse("2026-11-23T10:04:00.123Z"), "page-fast", Instant.parse("2026-11-23T10:07:30Z")),
            Severity.TICKET, new ActiveAlert(Instant.parse("2026-11-23T10:09:30Z"), "ticket-slow", Instant.parse("2026-11-23T10:09:30Z"))));

    @Test
    void shouldRoundTripInAFewBytes() {
        byte[] bytes = TWO_FIRING.toBytes();

        assertThat(AlertStates.fromBytes(bytes)).isEqualTo(TWO_FIRING);
        assertThat(bytes.length).isLessThan(64);
        assertThat(AlertStates.fromBytes(AlertStates.none().toBytes())).isEqualTo(AlertStates.none());
    }

    @Test
    void shouldRefuseAnotherVersionAndTruncatedBytes() {
        byte[] bytes = TWO_FIRING.toBytes();
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = 9;

        assertThatThrownBy(() -> AlertStates.fromBytes(otherVersion)).hasMessage("alert state has version 9; this build reads version 2");
        assertThatThrownBy(() -> AlertStates.fromBytes(Arrays.copyOf(bytes, bytes.length - 3))).hasMessageContaining("truncated");
    }
}
