package dev.slopipeline.bench;

import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Strict decoding of one request event from its JSON bytes, as the streams app receives it. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DecodeBenchmark {

    private final EventCodec codec = new EventCodec();
    private byte[][] records;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        RequestEvent[] events = new SyntheticShop(100).events(1 << 12, 11);
        records = new byte[events.length][];
        for (int i = 0; i < events.length; i++) {
            records[i] = codec.encode(events[i]);
        }
    }

    @Benchmark
    public Object decodeRequest() {
        return codec.decodeRequest(records[next++ & (records.length - 1)]);
    }
}
