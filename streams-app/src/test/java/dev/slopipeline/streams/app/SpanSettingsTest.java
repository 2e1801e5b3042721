package dev.slopipeline.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.streams.otlp.SpanEncoding;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings of the spans topic: read by default, switched off by {@code off}, one encoding pinned if wanted. */
class SpanSettingsTest {

    @Test
    void shouldReadServerAndConsumerSpansInEitherEncodingFromTheCollectorsTopicByDefault() {
        StreamsAppConfig config = StreamsAppConfig.builder().build();

        assertThat(config.spans().topic()).contains("otlp_spans");
        assertThat(config.spans().encoding()).isEqualTo(SpanEncoding.AUTO);
        assertThat(config.spans().kinds()).containsExactlyInAnyOrder(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_CONSUMER);
        assertThat(config.describe()).contains("topics.spans = otlp_spans", "spans.encoding = auto", "spans.kinds = server,consumer");
    }

    @Test
    void shouldReadNoSpansWhenTheTopicIsOff() {
        StreamsAppConfig config = StreamsAppConfig.builder().env(Map.of("SLO_PIPELINE_TOPICS_SPANS", "off")).build();
        StreamsAppConfig empty = StreamsAppConfig.builder().env(Map.of("SLO_PIPELINE_TOPICS_SPANS", "")).build();

        assertThat(config.spans().topic()).isEmpty();
        assertThat(StreamsTopics.layout(config)).noneMatch(topic -> topic.name().equals("otlp_spans"));
        assertThat(config.describe()).contains("topics.spans = off");
        assertThat(empty.spans().topic()).as("an empty value is not set, as for every key").contains("otlp_spans");
    }

    @Test
    void shouldTakeTheTopicEncodingAndKindsFromTheirKeys() {
        StreamsAppConfig config = StreamsAppConfig.builder().set("topics.spans", "traces.shop").set("spans.encoding", "otlp_json")
                .env(Map.of("SLO_PIPELINE_SPANS_KINDS", "server, internal")).build();

        assertThat(config.spans().topic()).contains("traces.shop");
        assertThat(config.spans().encoding()).isEqualTo(SpanEncoding.OTLP_JSON);
        assertThat(config.spans().kinds()).containsExactlyInAnyOrder(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_INTERNAL);
    }

    @Test
    void shouldReportEveryMistakeInTheSpanSettingsAtOnce() {
        assertThatThrownBy(() -> StreamsAppConfig.builder().set("topics.spans", "slo.events.requests")
                .set("spans.encoding", "protobuf").set("spans.kinds", "server,client-side").build())
                .hasMessageContaining("topics.spans (set(\"topics.spans\")) names slo.events.requests, which another topics.* "
                        + "setting uses; spans need a topic of their own")
                .hasMessageContaining("spans.encoding (set(\"spans.encoding\")) must be auto, otlp_proto or otlp_json, "
                        + "got \"protobuf\"")
                .hasMessageContaining("spans.kinds (set(\"spans.kinds\")) must be span kinds separated by commas, from "
                        + "internal, server, client, producer, consumer, got \"server,client-side\"");
    }
}
