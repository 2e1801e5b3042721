package dev.slopipeline.streams.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Spans made by the OpenTelemetry SDK and encoded by its own OTLP encoder: the bytes an instrumented service or the
 * Collector sends, not bytes written by hand.
 */
public final class SdkSpans implements AutoCloseable {

    public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final List<SpanData> finished = new ArrayList<>();
    private final SdkTracerProvider provider;

    private SdkSpans(Resource resource) {
        provider = SdkTracerProvider.builder().setResource(resource).build();
    }

    /** Spans of the service, with {@code deployment.environment.name=prod} beside its name. */
    public static SdkSpans of(String service) {
        return of(Resource.create(Attributes.of(SERVICE_NAME, service,
                AttributeKey.stringKey("deployment.environment.name"), "prod")));
    }

    /** Spans of a resource exactly as given; {@code Resource.empty()} has no {@code service.name}. */
    public static SdkSpans of(Resource resource) {
        return new SdkSpans(resource);
    }

    /** One finished span, ending at {@code end} after {@code latency}. */
    public SdkSpans span(SpanKind kind, String name, Instant end, Duration latency, StatusCode status, Attributes attributes) {
        Span span = provider.get("checkout-instrumentation").spanBuilder(name).setSpanKind(kind)
                .setStartTimestamp(end.minus(latency)).setAllAttributes(attributes).startSpan();
        if (status != StatusCode.UNSET) {
            span.setStatus(status);
        }
        span.end(end);
        finished.add(((ReadableSpan) span).toSpanData());
        return this;
    }

    /** An HTTP server span after the current semantic conventions. */
    public SdkSpans httpServer(String method, String route, int status, Instant end, Duration latency) {
        return span(SpanKind.SERVER, method + " " + route, end, latency, status >= 500 ? StatusCode.ERROR : StatusCode.UNSET,
                Attributes.builder().put("http.request.method", method).put("http.route", route)
                        .put("http.response.status_code", status).put("url.path", route).build());
    }

    /** The spans finished since the last call. */
    public List<SpanData> take() {
        List<SpanData> spans = List.copyOf(finished);
        finished.clear();
        return spans;
    }

    /** The two encodings of the Collector's Kafka exporter, as the SDK's OTLP encoder writes them. */
    public enum Wire {
        /** {@code otlp_proto}: an ExportTraceServiceRequest in protobuf. */
        PROTO(TraceRequestMarshaler::writeBinaryTo),
        /** {@code otlp_json}: the same request in OTLP's JSON mapping. */
        JSON(TraceRequestMarshaler::writeJsonTo);

        private final Writer writer;

        Wire(Writer writer) {
            this.writer = writer;
        }

        public byte[] encode(Collection<SpanData> spans) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                writer.write(TraceRequestMarshaler.create(spans), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    private interface Writer {
        void write(TraceRequestMarshaler request, OutputStream out) throws IOException;
    }

    @Override
    public void close() {
        provider.close();
    }
}
