package dev.slopipeline.bench.replay;

import dev.slopipeline.bench.Scratch;
import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.bench.kafka.CpuTimes;
import dev.slopipeline.bench.kafka.Seconds;
import dev.slopipeline.bench.report.BenchArgs;
import dev.slopipeline.bench.report.BenchReport;
import dev.slopipeline.bench.report.StackSampler;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.streams.replay.Replay;
import dev.slopipeline.streams.replay.ReplaySummary;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Replay speed: minute-level traffic of many SLOs over many days written to a JSON-lines file, then
 * {@link Replay#run} over it, timed, with the flight recorder sampling where the time goes.
 */
public final class ReplayBenchmark {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    /** Every this many minutes one SLO (in turn) has a 30-minute outage with a third of its requests failing. */
    private static final int INCIDENT_EVERY_MINUTES = 12 * 60;
    private static final int INCIDENT_MINUTES = 30;

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs("""
                Usage: bench/replay [options]
                Writes minute-level traffic (one count-batched event per SLO and minute, a few error events, an outage
                every 12 hours) to a temporary JSON-lines file, replays it with Replay.run (the topology's own
                processors, in process) and reports events/s and where the time goes (JFR execution samples of a second, untimed replay).
                Writes bench/results/replay-<date>.md and .json.""")
                .option("slos", "50", "SLOs, one event per SLO and minute")
                .option("days", "30", "days of traffic")
                .option("sample-ms", "20", "sampling period of the flight recorder, milliseconds (0: no profile)")
                .option("top", "15", "frames listed per profile table")
                .parse(argv);
        int slos = args.integer("slos");
        int days = args.integer("days");
        SyntheticShop shop = new SyntheticShop(slos);
        BenchReport report = new BenchReport("replay", "Replay speed", args.command("bench/replay"));
        report.setting("SLOs", slos).setting("days", days)
                .setting("traffic", "per SLO and minute one event (status 200, count 50..149); 2 % of SLO-minutes one "
                        + "more event (503, count 1..3); every 12 h one SLO in turn has 30 minutes with a 503 event of "
                        + "count 50 per minute");
        Path work = Scratch.create("bench-replay");
        try {
            Path events = work.resolve("events.jsonl");
            long begin = System.nanoTime();
            long written = writeTraffic(shop, days, events);
            double writeSeconds = Seconds.since(begin);
            System.err.printf("bench: wrote %,d events (%,d MB) in %.1f s; replaying ...%n", written,
                    Files.size(events) >> 20, writeSeconds);

            int sampleMs = args.integer("sample-ms");
            CountingStream alerts = new CountingStream();
            CpuTimes cpuBefore = CpuTimes.now();
            long start = System.nanoTime();
            ReplaySummary summary = replay(shop, events, alerts);
            double seconds = Seconds.since(start);
            CpuTimes cpu = CpuTimes.now().since(cpuBefore);

            BenchReport.Table table = report.table("Replay", "events", "file MB", "seconds", "events/s", "alert lines");
            table.row(written, Files.size(events) >> 20, Seconds.format(seconds), Seconds.rate(written, seconds), alerts.lines);
            report.figure("events_per_s", Math.round(written / seconds));
            int pages = summary.alertsBySlo().values().stream().mapToInt(ReplaySummary.Fired::pages).sum();
            int tickets = summary.alertsBySlo().values().stream().mapToInt(ReplaySummary.Fired::tickets).sum();
            report.note("Replay.run's summary: " + summary.eventsRead() + " events read, " + summary.invalid() + " invalid, "
                    + summary.late() + " late; " + pages + " pages and " + tickets + " tickets fired.");
            report.note("Timed: Replay.run from reading the file to the last alert, the events already on disk "
                    + "(writing them took " + Seconds.format(writeSeconds) + " s, not counted).");
            report.note("Machine shared: 2 cores, other builds running at the same time.");
            // on a loaded machine the wall clock mostly measures the wait for a core; CPU time tells the work
            double cpuSeconds = cpu.processNanos() / 1e9;
            report.figure("events_per_jvm_cpu_s", Math.round(written / cpuSeconds));
            report.note(String.format(Locale.ROOT, "CPU of the timed replay: %.2f s of the whole JVM (the replaying thread, "
                    + "the threads decoding lines beside it, the collector's, the compilers'), %.2f s of them the replaying "
                    + "thread's: %s events per CPU-second of the JVM, which the machine's other load moves far less than "
                    + "the wall clock.", cpuSeconds, cpu.poolNanos().getOrDefault("main", 0L) / 1e9,
                    Seconds.rate(written, cpuSeconds)));
            if (sampleMs > 0) {
                // the recorder slows what it samples, so it samples a second, untimed replay of the same file
                System.err.println("bench: replaying again under the flight recorder ...");
                StackSampler sampler = new StackSampler(Duration.ofMillis(sampleMs));
                long profiledStart = System.nanoTime();
                replay(shop, events, new CountingStream());
                double profiledSeconds = Seconds.since(profiledStart);
                Path recording = work.resolve("replay.jfr");
                // inclusive counts are kept for many frames: the table shows the project's and the driver's only
                StackSampler.Profile profile = sampler.stop(recording, 400);
                sampler.close();
                report.note("Profile: " + profile.samples() + " JFR execution samples (every " + sampleMs
                        + " ms per running thread) during a second, untimed Replay.run of the same file ("
                        + Seconds.format(profiledSeconds) + " s under the recorder); self = the method on top of the "
                        + "stack, inclusive = anywhere on it.");
                StackSampler.addTo(report, profile, args.integer("top"),
                        method -> method.startsWith("dev.slopipeline") || method.contains("TopologyTestDriver"));
                double sampledSeconds = profile.samples() * sampleMs / 1000.0;
                report.note(String.format(Locale.ROOT, "CPU share: %.1f s sampled in Java code of %.1f s wall, so the replay "
                        + "thread ran about %.0f %% of the time; the rest it waited for a core.", sampledSeconds,
                        profiledSeconds, 100 * sampledSeconds / profiledSeconds));
            }
            System.err.printf("bench: %s events/s%n", Seconds.rate(written, seconds));
            Path out = report.write(args.results());
            System.err.println("bench: results in " + out);
            if (summary.eventsRead() != written) {
                System.err.println("bench: warning: replay read " + summary.eventsRead() + " of " + written + " events");
            }
        } finally {
            Scratch.delete(work);
        }
    }

    private static ReplaySummary replay(SyntheticShop shop, Path events, CountingStream alerts) throws IOException {
        return Replay.run(new Replay.Options(shop.definitions, List.of(events), Optional.empty(), Optional.empty()),
                new PrintStream(alerts, false, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Minute by minute, every SLO in turn: event-time order, as recorded traffic would be. */
    private static long writeTraffic(SyntheticShop shop, int days, Path file) throws IOException {
        EventCodec codec = new EventCodec();
        Random random = new Random(7);
        long written = 0;
        int slos = shop.sloCount();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int minute = 0; minute < days * 24 * 60; minute++) {
                Instant time = START.plusSeconds(minute * 60L);
                int incidentSlo = (minute / INCIDENT_EVERY_MINUTES) % slos;
                boolean incident = minute % INCIDENT_EVERY_MINUTES < INCIDENT_MINUTES;
                for (int slo = 0; slo < slos; slo++) {
                    Instant at = time.plusMillis(slo * 100L);
                    written += line(out, codec.encode(shop.event(slo, at, 200, 50 + random.nextInt(100))));
                    if (random.nextInt(100) < 2) {
                        written += line(out, codec.encode(shop.event(slo, at.plusMillis(10), 503, 1 + random.nextInt(3))));
                    }
                    if (incident && slo == incidentSlo) {
                        written += line(out, codec.encode(shop.event(slo, at.plusMillis(20), 503, 50)));
                    }
                }
            }
        }
        return written;
    }

    private static int line(OutputStream out, byte[] json) throws IOException {
        out.write(json);
        out.write('\n');
        return 1;
    }

    /** Counts the alert lines replay prints, keeping none. */
    private static final class CountingStream extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
