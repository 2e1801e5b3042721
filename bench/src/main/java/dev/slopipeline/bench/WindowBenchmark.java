package dev.slopipeline.bench;

import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.policy.BurnRatePolicy;
import dev.slopipeline.streams.evaluate.AlertEvaluator;
import dev.slopipeline.streams.evaluate.AlertStates;
import dev.slopipeline.streams.evaluate.Evaluation;
import dev.slopipeline.streams.store.PartSink;
import dev.slopipeline.streams.window.SloWindows;
import dev.slopipeline.streams.window.WindowParts;
import dev.slopipeline.streams.window.WindowPlan;
import java.time.Instant;
import java.util.Random;
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

/**
 * What one classified event costs its SLO in the aggregate step, for 10 to 10 000 SLOs with the default
 * four alert pairs over a 30-day window: the minute bucket and every window sum updated
 * ({@code bucketUpdate}); then also the pairs judged ({@code bucketUpdateAndEvaluate}); then also the
 * changed parts written out for the state store, here to a sink that keeps nothing ({@code fullStep}).
 * Event time moves 10 ms per event across all SLOs, so each SLO's windows slide as in a busy shop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class WindowBenchmark {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final PartSink NOWHERE = new PartSink() {
        @Override
        public void put(byte[] part, byte[] value) {
        }

        @Override
        public void delete(byte[] part) {
        }
    };

    @Param({"10", "1000", "10000"})
    int sloCount;

    private SloWindows[] windows;
    private AlertEvaluator[] evaluators;
    private AlertStates[] states;
    /** Which SLO each event is for, and whether it failed (0.5 %). */
    private int[] sloOfEvent;
    private boolean[] bad;
    private long eventMillis;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticShop shop = new SyntheticShop(sloCount);
        windows = new SloWindows[sloCount];
        evaluators = new AlertEvaluator[sloCount];
        states = new AlertStates[sloCount];
        int i = 0;
        for (SloDefinition slo : shop.definitions.slos().values()) {
            evaluators[i] = new AlertEvaluator(slo, BurnRatePolicy.pairsFor(slo, 2));
            WindowPlan plan = evaluators[i].windowPlan(WindowPlan.DEFAULT_GRACE);
            windows[i] = SloWindows.startAt(plan, START);
            states[i] = AlertStates.none();
            i++;
        }
        Random random = new Random(7);
        sloOfEvent = new int[1 << 16];
        bad = new boolean[sloOfEvent.length];
        for (int e = 0; e < sloOfEvent.length; e++) {
            sloOfEvent[e] = random.nextInt(sloCount);
            bad[e] = random.nextInt(1000) < 5;
        }
        eventMillis = START.toEpochMilli();
    }

    private int record() {
        int e = next++ & (sloOfEvent.length - 1);
        int slo = sloOfEvent[e];
        eventMillis += 10;
        windows[slo].record(Instant.ofEpochMilli(eventMillis), bad[e] ? 0 : 1, bad[e] ? 1 : 0);
        return slo;
    }

    @Benchmark
    public void bucketUpdate(Blackhole sink) {
        sink.consume(record());
    }

    @Benchmark
    public void bucketUpdateAndEvaluate(Blackhole sink) {
        int slo = record();
        Evaluation evaluation = evaluators[slo].evaluate(windows[slo].sums(), states[slo]);
        states[slo] = evaluation.states();
        sink.consume(evaluation);
    }

    @Benchmark
    public void fullStep(Blackhole sink) {
        int slo = record();
        Evaluation evaluation = evaluators[slo].evaluate(windows[slo].sums(), states[slo]);
        states[slo] = evaluation.states();
        WindowParts.drainChanges(windows[slo], NOWHERE);
        sink.consume(evaluation);
    }
}
