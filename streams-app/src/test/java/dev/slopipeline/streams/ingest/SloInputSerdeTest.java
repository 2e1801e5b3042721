package dev.slopipeline.streams.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.definitions.event.HealthStatus;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SloInputSerdeTest {

    private final SloInputSerde serde = new SloInputSerde();

    @Test
    void shouldReadBackWhatItWrites() {
        List<SloInput> inputs = List.of(
                new SloInput.Counts(1_772_445_600_123L, 990, 0, null, null),
                new SloInput.Counts(1_772_445_600_123L, 0, 10, "payments", "POST /charge/\u00e9"),
                new SloInput.ComponentHealth(1_772_445_600_000L, "payments", "db-ping", HealthStatus.FAIL, "db-2"),
                new SloInput.ComponentHealth(1_772_445_600_000L, "payments", "queue", HealthStatus.WARN, null));

        for (SloInput input : inputs) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", input))).isEqualTo(input);
        }
    }

    @Test
    void shouldRefuseBytesItDidNotWrite() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("malformed");
    }
}
