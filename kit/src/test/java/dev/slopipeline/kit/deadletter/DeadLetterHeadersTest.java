package dev.slopipeline.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    @Test
    void shouldKeepTheRecordsOwnHeadersAndOneReasonWhenRefusedTwice() {
        Headers headers = new RecordHeaders();
        headers.add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));

        DeadLetterHeaders.addReason(headers, "not JSON", "slo.alerts");
        DeadLetterHeaders.addReason(headers, "unknown receiver", "router.groups");
        DeadLetterHeaders.addPosition(headers, 2, 41L);

        assertThat(texts(headers)).containsExactly(
                "traceparent=00-abc-01",
                "slo.dlq.reason=unknown receiver",
                "slo.dlq.topic=router.groups",
                "slo.dlq.partition=2",
                "slo.dlq.offset=41");
    }

    private static List<String> texts(Headers headers) {
        List<String> texts = new ArrayList<>();
        for (Header header : headers) {
            texts.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        return texts;
    }
}
