package dev.slopipeline.bench;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * HTTP server spans of one service as the OpenTelemetry SDK makes them, with the resource and span attributes its
 * HTTP instrumentation sets, and export requests of such spans encoded by the SDK's own OTLP encoder, as the
 * Collector's Kafka exporter writes them.
 */
public final class HttpServerSpans implements AutoCloseable {

    private final SdkTracerProvider provider;

    public HttpServerSpans(String service) {
        Resource resource = Resource.create(Attributes.builder().put("service.name", service).put("service.version", "1.42.0")
                .put("service.instance.id", service + "-7f9c").put("deployment.environment.name", "prod")
                .put("host.name", "node-12").put("telemetry.sdk.name", "opentelemetry").put("telemetry.sdk.language", "java")
                .put("telemetry.sdk.version", "1.65.0").build());
        this.provider = SdkTracerProvider.builder().setResource(resource).build();
    }

    /**
     * @param route  the route template ({@code /api/op-1/{id}}); the span is named {@code "<method> <route>"}
     * @param client the request's number, which fills in {@code {id}} and the client address
     */
    public SpanData span(String method, String route, int status, Instant end, Duration latency, int client) {
        Span span = provider.get("io.opentelemetry.tomcat-10.0").spanBuilder(method + " " + route).setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(end.minus(latency)).startSpan();
        span.setAllAttributes(Attributes.builder().put("http.request.method", method).put("http.route", route)
                .put("http.response.status_code", status).put("url.path", route.replace("{id}", "" + client))
                .put("url.scheme", "https").put("server.address", "shop.example").put("network.protocol.version", "1.1")
                .put("client.address", "10.0.3." + client % 256).put("user_agent.original", "Mozilla/5.0").build());
        span.end(end);
        return ((ReadableSpan) span).toSpanData();
    }

    /** One {@code ExportTraceServiceRequest} of these spans, {@code otlp_json} or else {@code otlp_proto}. */
    public static byte[] exportRequest(Collection<SpanData> spans, boolean json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (json) {
                TraceRequestMarshaler.create(spans).writeJsonTo(out);
            } else {
                TraceRequestMarshaler.create(spans).writeBinaryTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        provider.close();
    }
}
