package dev.slopipeline.streams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A dead letter too large to write is cut and says so; every other one goes whole. */
class DeadLetterSizeTest {

    @Test
    void shouldKeepARecordWithinTheLimitWhole() {
        byte[] value = new byte[DeadLetterSize.MAX_BYTES - 10];
        Headers headers = new RecordHeaders().add("trace", new byte[4]);

        DeadLetterSize.Fitted fitted = DeadLetterSize.fit(new byte[1], value, headers);

        assertThat(fitted.value()).isSameAs(value);
        assertThat(fitted.headers()).isSameAs(headers);
        assertThat(fitted.headers().lastHeader(DeadLetterHeaders.TRUNCATED)).isNull();
    }

    @Test
    void shouldCutARecordAsLargeAsTheBrokerTakesAndSayWhatWasKept() {
        byte[] value = new byte[1_048_400];
        Arrays.fill(value, (byte) 'x');
        byte[] key = new byte[5_000];
        Headers headers = new RecordHeaders().add("trace", new byte[100]);

        DeadLetterSize.Fitted fitted = DeadLetterSize.fit(key, value, headers);

        assertThat(fitted.value()).hasSize(DeadLetterSize.KEPT_VALUE_BYTES).isEqualTo(Arrays.copyOf(value, DeadLetterSize.KEPT_VALUE_BYTES));
        assertThat(fitted.key()).hasSize(DeadLetterSize.KEPT_KEY_BYTES);
        assertThat(fitted.headers().toArray()).hasSize(1);
        assertThat(new String(fitted.headers().lastHeader(DeadLetterHeaders.TRUNCATED).value(), StandardCharsets.UTF_8))
                .isEqualTo("record of 1053505 bytes cut to fit the dead-letter topic: key 1024 of 5000 bytes, "
                        + "value 65536 of 1048400 bytes, 0 of 1 headers (105 bytes)");
    }

    @Test
    void shouldCutRecordsWhoseHeadersAloneAreTooLarge() {
        Headers headers = new RecordHeaders();
        for (int i = 0; i < 20; i++) {
            headers.add("h" + i, new byte[50_000]);
        }

        DeadLetterSize.Fitted fitted = DeadLetterSize.fit(null, new byte[] {'{'}, headers);

        assertThat(fitted.key()).isNull();
        assertThat(fitted.value()).containsExactly('{');
        assertThat(fitted.headers().lastHeader("h0")).isNull();
        assertThat(fitted.headers().lastHeader(DeadLetterHeaders.TRUNCATED)).isNotNull();
    }
}
