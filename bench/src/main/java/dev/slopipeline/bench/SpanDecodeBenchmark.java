package dev.slopipeline.bench;

import dev.slopipeline.streams.otlp.SpanDecoder;
import dev.slopipeline.streams.otlp.SpanEncoding;
import dev.slopipeline.streams.otlp.SpanKinds;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spans per second through the span decoder: OTLP export requests of {@value #SPANS_PER_RECORD} HTTP server
 * spans each (a Collector batch), made by the OpenTelemetry SDK with the attributes its HTTP instrumentation sets
 * and encoded by its own OTLP encoder, decoded into request events. One operation is one span.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SpanDecodeBenchmark {

    static final int SPANS_PER_RECORD = 100;
    private static final int RECORDS = 16;

    /** The Collector Kafka exporter's {@code encoding}. */
    @Param({"otlp_proto", "otlp_json"})
    public String encoding;

    private final SpanDecoder decoder = new SpanDecoder(SpanEncoding.AUTO, SpanKinds.DEFAULT);
    private byte[][] records;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        records = new byte[RECORDS][];
        for (int record = 0; record < RECORDS; record++) {
            List<SpanData> spans = new ArrayList<>();
            for (int service = 0; service < 4; service++) {
                spans.addAll(serverSpans(record * 4 + service, start.plusSeconds(record)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (encoding.equals("otlp_json")) {
                TraceRequestMarshaler.create(spans).writeJsonTo(out);
            } else {
                TraceRequestMarshaler.create(spans).writeBinaryTo(out);
            }
            records[record] = out.toByteArray();
        }
    }

    /** A quarter of a record's spans, from one service; every 20th fails. */
    private static List<SpanData> serverSpans(int slot, Instant at) {
        String service = "svc-" + slot % 4;
        Resource resource = Resource.create(Attributes.builder().put("service.name", service).put("service.version", "1.42.0")
                .put("service.instance.id", service + "-7f9c").put("deployment.environment.name", "prod")
                .put("host.name", "node-12").put("telemetry.sdk.name", "opentelemetry").put("telemetry.sdk.language", "java")
                .put("telemetry.sdk.version", "1.65.0").build());
        List<SpanData> finished = new ArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource).build()) {
            for (int i = 0; i < SPANS_PER_RECORD / 4; i++) {
                String route = "/api/op-" + (slot + i) % 10 + "/{id}";
                Instant end = at.plusMillis(37L * i);
                Span span = provider.get("io.opentelemetry.tomcat-10.0").spanBuilder("GET " + route).setSpanKind(SpanKind.SERVER)
                        .setStartTimestamp(end.minusMillis(20 + i)).startSpan();
                span.setAllAttributes(Attributes.builder().put("http.request.method", "GET").put("http.route", route)
                        .put("http.response.status_code", i % 20 == 0 ? 503 : 200).put("url.path", route.replace("{id}", "" + i))
                        .put("url.scheme", "https").put("server.address", "shop.example").put("network.protocol.version", "1.1")
                        .put("client.address", "10.0.3." + i).put("user_agent.original", "Mozilla/5.0").build());
                span.end(end);
                finished.add(((ReadableSpan) span).toSpanData());
            }
        }
        return finished;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS_PER_RECORD)
    public Object decodeSpans() {
        return decoder.decode(records[next++ & (RECORDS - 1)]);
    }
}
