package dev.slopipeline.bench;

import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.streams.classify.JourneyClassifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Classification of a decoded request event into journey SLO verdicts, for 10 to 10 000 SLOs. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ClassifyBenchmark {

    @Param({"10", "1000", "10000"})
    int sloCount;

    private JourneyClassifier classifier;
    private RequestEvent[] events;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticShop shop = new SyntheticShop(sloCount);
        classifier = JourneyClassifier.of(shop.definitions);
        events = shop.events(1 << 16, 7);
    }

    @Benchmark
    public void classifyRequest(Blackhole sink) {
        RequestEvent event = events[next++ & (events.length - 1)];
        classifier.classifyRequest(event.service(), event.operation(), event.attributes(), event.status(),
                event.latencyMs(), event.count(), (slo, good, bad) -> sink.consume(bad));
    }
}
