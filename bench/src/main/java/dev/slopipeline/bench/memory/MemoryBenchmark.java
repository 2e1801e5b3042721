package dev.slopipeline.bench.memory;

import dev.slopipeline.bench.Scratch;
import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.bench.kafka.AppProgress;
import dev.slopipeline.bench.kafka.EventProducer;
import dev.slopipeline.bench.kafka.PipelineSetup;
import dev.slopipeline.bench.kafka.Seconds;
import dev.slopipeline.bench.kafka.Topics;
import dev.slopipeline.bench.report.BenchArgs;
import dev.slopipeline.bench.report.BenchReport;
import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Memory and state per series of 30-day SLOs, and the streams app's recovery from its changelogs: for each
 * run, the series' traffic fed through the real app (exactly-once, RocksDB), then the heap after GC with the
 * app running and after it closed, the RocksDB state folder and the changelog topics on disk; then, for the
 * runs asked, the time to start again with the state folder deleted (restored from the changelogs)
 * and with it kept. A series is an unsplit SLO, or one tenant's series of an SLO split by tenant.
 */
public final class MemoryBenchmark {

    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(30);
    private static final int PARTITIONS = 3;

    /** How a run fills the windows. */
    private enum Fill {
        /** Every bucket of every ring: hourly over the whole window, every 10 minutes over the last day, every minute over the last 6 hours. */
        FULL,
        /** Two events per SLO (29 days ago and a minute ago): every SLO live, with its rings allocated but nearly empty. */
        SPARSE,
        /** An event a minute over the last ten minutes: live traffic of a few events a minute, as most series see. */
        RECENT
    }

    /** {@code series} series in all, {@code tenants} of them per SLO (1: unsplit SLOs). */
    private record Run(int series, Fill fill, int tenants) {
        static Run parse(String text) {
            String[] parts = text.trim().split(":");
            Run run = new Run(Integer.parseInt(parts[0]), parts.length > 1 ? Fill.valueOf(parts[1].toUpperCase(Locale.ROOT)) : Fill.FULL,
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
            if (run.tenants() < 1 || run.series() % run.tenants() != 0) {
                throw new IllegalArgumentException("run " + text + ": the series must be a multiple of the series per SLO");
            }
            return run;
        }

        int slos() {
            return series / tenants;
        }

        String label() {
            return series + ":" + fill.name().toLowerCase(Locale.ROOT) + (tenants > 1 ? ":" + tenants : "");
        }
    }

    private final BenchArgs args;
    private final BenchReport report;
    private final int days;
    /** The last run's series count, app heap and RocksDB bytes, by fill and split: what one more series costs, without the fixed part. */
    private final java.util.Map<String, long[]> previousByKind = new java.util.HashMap<>();

    private MemoryBenchmark(BenchArgs args) {
        this.args = args;
        this.days = args.integer("days");
        this.report = new BenchReport("memory", "Memory and state per series, and recovery from the changelogs",
                args.command("bench/memory"));
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs("""
                Usage: bench/memory [options]
                Feeds each run's series through the streams app (exactly-once, RocksDB) on an embedded broker, then measures
                heap after GC per series, the RocksDB state folder and the changelogs on disk; then times a restart with the
                state folder deleted (restore from the changelogs) and one with it kept.
                A run is SERIES:FILL[:PER_SLO]; fill full populates every bucket of the 30-day windows (about 1 160 events
                per series), sparse sends two events per series (29 days ago and a minute ago), recent one a minute over the
                last ten minutes; PER_SLO splits each SLO by
                tenant into that many series (100000:sparse:1000 is 100 SLOs of 1 000 tenants), default 1 (unsplit SLOs).
                Writes bench/results/memory-<date>.md and .json.""")
                .option("runs", "100:full,100:sparse,1000:sparse,10000:sparse", "comma-separated SERIES:FILL[:PER_SLO] runs")
                .option("days", "30", "days of traffic for full fills (at most 34: older events are refused)")
                .option("restore", "first-full", "which runs' recovery to time: first-full, all, none, or a run label like 1000:full")
                .option("histogram", "0", "the classes holding the most heap with the app running, this many per run (0: none)")
                .parse(argv);
        if (args.integer("days") > 34 || args.integer("days") < 2) {
            System.err.println("bench: --days must be within 2..34");
            System.exit(2);
        }
        new MemoryBenchmark(args).run();
    }

    private void run() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (String text : args.text("runs").split(",")) {
            runs.add(Run.parse(text));
        }
        String restoreRun = args.text("restore").equals("first-full")
                ? runs.stream().filter(r -> r.fill() == Fill.FULL).map(Run::label).findFirst().orElse("none")
                : args.text("restore");
        boolean restoreAll = restoreRun.equals("all");
        report.setting("runs", args.text("runs")).setting("days of traffic (full fill)", days)
                .setting("SLOs", "99.9 % over 30 d, default alert pairs: windows 5m 30m 1h 2h 6h (1-minute buckets), "
                        + "1d (10-minute buckets), 3d and 30d (1-hour buckets)")
                .setting("streams app", "exactly_once_v2, RocksDB stores with caching and changelogs, " + PARTITIONS
                        + " partitions, one stream thread")
                .setting("heap", "used heap after System.gc() (three rounds), app running minus app closed, same JVM");
        BenchReport.Table table = report.table("Per series", "run", "SLOs", "events fed", "start + feed s", "heap MiB (app)",
                "heap KiB/series", "heap KiB per added series",
                "RocksDB MiB", "RocksDB KiB/series", "RocksDB KiB per added series", "changelogs MiB", "changelog KiB/series");
        BenchReport.Table restore = report.table("Recovery", "run", "start with state folder deleted (restore from changelogs) s",
                "start with state folder kept s", "changelog MiB");
        Path work = Scratch.create("bench-memory");
        // The heap is measured after full GCs, which at 100 000 series pause the broker and its controller (same JVM) for
        // seconds each: with the default 9 s session the controller fences its own broker, and the app's tasks with it.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().brokerConfig("broker.session.timeout.ms", "120000").start();
             Topics topics = new Topics(broker.bootstrapServers())) {
            for (Run run : runs) {
                measure(broker, topics, work, run, table, restore, restoreAll || run.label().equals(restoreRun));
            }
        } finally {
            Scratch.delete(work);
        }
        report.note("A run of SERIES:FILL:N has SERIES / N SLOs, each split by the events' tenant attribute "
                + "(groupBy: [tenant], maxSeries: N) into N series; without N every SLO is one series.");
        report.note("A series' buckets are compact counters (shorts until a count needs more), allocated when the series "
                + "first sees traffic: a full fill costs about as much heap as a sparse one while its counts stay small.");
        report.note("An instance exports at most " + TopologyMetrics.MAX_EXPORTED_SERIES + " series on /metrics (about 25 "
                + "meters each); runs above that carry the meters of that many series only.");
        report.note("Heap (app) holds a fixed part besides the series (Kafka Streams' 10 MiB record cache, client buffers, "
                + "metrics); heap per added series, the difference to the previous run of the same fill and split divided by "
                + "the series added, leaves it out; RocksDB per added series likewise leaves out the files every store instance "
                + "has (logs, options, manifest).");
        report.note("RocksDB: the size of the app's state folder (all stores, all tasks, SST files and logs) after the "
                + "feed, measured once the app closed (closing flushes the memtables); changelogs: the broker's log size of the app's "
                + "*-changelog topics (uncompacted: every update since the start, so it grows with traffic, not only series).");
        report.note("Start times run from SloPipeline.start() to the streams client being RUNNING (restoration included; "
                + "topic creation and the definitions' apply included).");
        report.note("Machine shared: 2 cores, other builds running at the same time; the broker runs in the same JVM.");
        Path written = report.write(args.results());
        System.err.println("bench: results in " + written);
    }

    private void measure(EmbeddedKafkaBroker broker, Topics topics, Path work, Run run, BenchReport.Table table,
                         BenchReport.Table restore, boolean timeRestore) throws IOException, InterruptedException {
        String name = "memory-" + run.label().replace(':', '-');
        SyntheticShop shop = new SyntheticShop(run.slos(), run.tenants());
        Path definitions = PipelineSetup.writeDefinitions(shop, work.resolve(name + "-definitions"));
        Path state = work.resolve(name + "-state");
        String topic = "bench." + name;
        topics.create(topic, PARTITIONS);
        StreamsAppConfig config = PipelineSetup.config(broker.bootstrapServers(), name, state, definitions, topic, PARTITIONS);

        System.err.printf("bench: %s: feeding ...%n", run.label());
        long fed = feed(broker, shop, topic, run.fill());
        long heapRunning;
        double feedSeconds;
        long begin = System.nanoTime();
        try (StreamsApp app = SloPipeline.start(config)) {
            AppProgress.awaitDrained(topics, app, config.applicationId(), topic, fed, DRAIN_DEADLINE);
            feedSeconds = Seconds.since(begin);
            Seconds.pause(500);
            heapRunning = heapAfterGc();
            if (args.integer("histogram") > 0) {
                histogram(run);
            }
        }
        long heapClosed = heapAfterGc();
        // measured closed: closing flushes the stores' memtables into SST files
        long rocks = Scratch.size(state);
        long changelogs = topics.sizeOnDisk(config.applicationId() + "-slo-", 1);
        int series = run.series();
        double heapPerSeries = (heapRunning - heapClosed) / 1024.0 / series;
        String marginalHeap = "";
        String marginalRocks = "";
        String kind = run.fill() + "/" + run.tenants();
        long[] previous = previousByKind.get(kind);
        if (previous != null && previous[0] < series) {
            marginalHeap = String.format(Locale.ROOT, "%.1f", (heapRunning - heapClosed - previous[1]) / 1024.0 / (series - previous[0]));
            marginalRocks = String.format(Locale.ROOT, "%.1f", (rocks - previous[2]) / 1024.0 / (series - previous[0]));
        }
        previousByKind.put(kind, new long[] {series, heapRunning - heapClosed, rocks});
        table.row(run.label(), run.slos(), fed, Seconds.format(feedSeconds), mib(heapRunning - heapClosed),
                String.format(Locale.ROOT, "%.1f", heapPerSeries), marginalHeap, mib(rocks), kibPer(rocks, series), marginalRocks,
                mib(changelogs), kibPer(changelogs, series));
        report.figure("heap_kib_per_series_" + run.label(), Math.round(heapPerSeries * 10) / 10.0);
        report.figure("rocksdb_kib_per_series_" + run.label(), Math.round(rocks / 1024.0 / series * 10) / 10.0);
        System.err.printf("bench: %s: heap %.1f KiB/series, RocksDB %s KiB/series%n", run.label(), heapPerSeries, kibPer(rocks, series));

        if (timeRestore) {
            Scratch.delete(state);
            double restored = timeStart(config);
            double warm = timeStart(config);
            restore.row(run.label(), Seconds.format(restored), Seconds.format(warm), mib(changelogs));
            report.figure("restore_s_" + run.label(), restored);
            System.err.printf("bench: %s: restore %.1f s, warm start %.1f s%n", run.label(), restored, warm);
        }
    }

    /** The classes holding the most heap with the app running, and what each holds per series. */
    private void histogram(Run run) {
        BenchReport.Table table = report.table("Heap histogram, " + run.label() + " (app running, broker included)",
                "class", "instances", "MiB", "bytes/series");
        for (HeapHistogram.Entry entry : HeapHistogram.top(args.integer("histogram"))) {
            table.row(entry.className(), entry.instances(), mib(entry.bytes()), entry.bytes() / run.series());
        }
    }

    /** Starts the app and returns the seconds until its streams client is RUNNING; closes it again. */
    private static double timeStart(StreamsAppConfig config) {
        long begin = System.nanoTime();
        try (StreamsApp app = SloPipeline.start(config)) {
            long deadline = begin + DRAIN_DEADLINE.toNanos();
            while (app.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline || app.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("the streams app did not get to RUNNING: " + app.state());
                }
                Seconds.pause(20);
            }
            return Seconds.since(begin);
        }
    }

    /** Events in event-time order for every SLO; returns how many. */
    private long feed(EmbeddedKafkaBroker broker, SyntheticShop shop, String topic, Fill fill) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Instant> times = new ArrayList<>();
        if (fill == Fill.SPARSE) {
            times.add(now.minus(Duration.ofDays(29)));
        } else if (fill == Fill.RECENT) {
            for (int minutesAgo = 10; minutesAgo > 1; minutesAgo--) {
                times.add(now.minus(Duration.ofMinutes(minutesAgo)));
            }
        } else {
            for (Instant t = now.minus(Duration.ofDays(days)); t.isBefore(now.minus(Duration.ofDays(1))); t = t.plus(Duration.ofHours(1))) {
                times.add(t);
            }
            for (Instant t = now.minus(Duration.ofDays(1)); t.isBefore(now.minus(Duration.ofHours(6))); t = t.plus(Duration.ofMinutes(10))) {
                times.add(t);
            }
            for (Instant t = now.minus(Duration.ofHours(6)); t.isBefore(now.minus(Duration.ofMinutes(1))); t = t.plus(Duration.ofMinutes(1))) {
                times.add(t);
            }
        }
        times.add(now.minus(Duration.ofMinutes(1)));
        long sent = 0;
        try (EventProducer producer = new EventProducer(broker.bootstrapServers(), topic, true)) {
            for (Instant time : times) {
                for (int slo = 0; slo < shop.sloCount(); slo++) {
                    for (int tenant = 0; tenant < shop.tenants(); tenant++) {
                        boolean bad = (sent % 50) == 0;
                        producer.send(shop.tenants() > 1
                                ? shop.event(slo, tenant, time, bad ? 503 : 200, bad ? 1 : 100)
                                : shop.event(slo, time, bad ? 503 : 200, bad ? 1 : 100));
                        sent++;
                    }
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Seconds.pause(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    private static String kibPer(long bytes, int series) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / series);
    }
}
