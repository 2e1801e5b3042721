package dev.slopipeline.bench;

import dev.slopipeline.streams.otlp.SpanDecoder;
import dev.slopipeline.streams.otlp.SpanEncoding;
import dev.slopipeline.streams.otlp.SpanKinds;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
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
    public void setUp() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        records = new byte[RECORDS][];
        for (int record = 0; record < RECORDS; record++) {
            List<SpanData> spans = new ArrayList<>();
            for (int service = 0; service < 4; service++) {
                spans.addAll(serverSpans(record * 4 + service, start.plusSeconds(record)));
            }
            records[record] = HttpServerSpans.exportRequest(spans, encoding.equals("otlp_json"));
        }
    }

    /** A quarter of a record's spans, from one service; every 20th fails. */
    private static List<SpanData> serverSpans(int slot, Instant at) {
        List<SpanData> finished = new ArrayList<>();
        try (HttpServerSpans service = new HttpServerSpans("svc-" + slot % 4)) {
            for (int i = 0; i < SPANS_PER_RECORD / 4; i++) {
                finished.add(service.span("GET", "/api/op-" + (slot + i) % 10 + "/{id}", i % 20 == 0 ? 503 : 200,
                        at.plusMillis(37L * i), Duration.ofMillis(20 + i), i));
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
