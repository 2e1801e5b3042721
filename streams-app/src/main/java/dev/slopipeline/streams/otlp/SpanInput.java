package dev.slopipeline.streams.otlp;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where OpenTelemetry spans come from and which of them are requests.
 *
 * @param topic    the topic of OTLP export requests; empty when spans are not read
 * @param encoding how its records are encoded
 * @param kinds    the kinds of span that become request events; others are skipped
 */
public record SpanInput(Optional<String> topic, SpanEncoding encoding, Set<SpanKind> kinds) {

    /** The OpenTelemetry Collector's Kafka exporter writes spans here unless told otherwise. */
    public static final String DEFAULT_TOPIC = "otlp_spans";

    public SpanInput {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(encoding, "encoding");
        kinds = Set.copyOf(kinds);
    }

    /** The Collector's default topic, either encoding, server and consumer spans. */
    public static SpanInput defaults() {
        return new SpanInput(Optional.of(DEFAULT_TOPIC), SpanEncoding.AUTO, SpanKinds.DEFAULT);
    }

    /** No spans read. */
    public static SpanInput off() {
        return new SpanInput(Optional.empty(), SpanEncoding.AUTO, SpanKinds.DEFAULT);
    }

    public SpanInput withTopic(String value) {
        return new SpanInput(Optional.of(value), encoding, kinds);
    }

    public SpanInput withEncoding(SpanEncoding value) {
        return new SpanInput(topic, value, kinds);
    }

    public SpanInput withKinds(Set<SpanKind> value) {
        return new SpanInput(topic, encoding, value);
    }
}
