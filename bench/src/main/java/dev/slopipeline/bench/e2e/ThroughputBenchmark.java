package dev.slopipeline.bench.e2e;

import dev.slopipeline.bench.Scratch;
import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.bench.kafka.AppProgress;
import dev.slopipeline.bench.kafka.CpuTimes;
import dev.slopipeline.bench.kafka.EventProducer;
import dev.slopipeline.bench.kafka.PipelineSetup;
import dev.slopipeline.bench.kafka.Seconds;
import dev.slopipeline.bench.kafka.SpanProducer;
import dev.slopipeline.bench.kafka.Topics;
import dev.slopipeline.bench.report.BenchArgs;
import dev.slopipeline.bench.report.BenchReport;
import dev.slopipeline.bench.report.StackSampler;
import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.otlp.SpanBatch;
import dev.slopipeline.streams.otlp.SpanDecoder;
import dev.slopipeline.streams.otlp.SpanEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end throughput on a co-located embedded broker: a topic pre-filled with request events, then
 * the streams app (exactly-once) started on it and timed until its committed offsets reach the end of
 * the topic and of its repartition topic; beside it, a bare consumer that reads and decodes the same
 * topic, the floor any Kafka consumer of JSON events pays. Once with one request per event, once with
 * {@code count}-batched events, once with OpenTelemetry spans on the app's spans topic.
 */
public final class ThroughputBenchmark {

    private static final Duration DRAIN_DEADLINE = Duration.ofMinutes(20);
    /** Spans in one OTLP export request of the spans run: a Collector's batch, as in {@code SpanDecodeBenchmark}. */
    private static final int SPANS_PER_REQUEST = 100;

    private final BenchArgs args;
    private final SyntheticShop shop;
    private final int partitions;
    private final BenchReport report;
    private final BenchReport.Table table;
    private EmbeddedKafkaBroker broker;
    private Topics topics;
    private Path work;

    private ThroughputBenchmark(BenchArgs args) {
        this.args = args;
        this.shop = new SyntheticShop(args.integer("slos"));
        this.partitions = args.integer("partitions");
        this.report = new BenchReport("e2e", "End-to-end throughput: streams app vs a bare decoding consumer",
                args.command("bench/e2e"));
        this.table = report.table("Throughput", "run", "records", "requests (sum of count)", "seconds",
                "records/s", "requests/s");
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs("""
                Usage: bench/e2e [options]
                Pre-fills a topic on an embedded broker, then times a bare consumer that decodes it and the streams
                app (exactly-once) until its committed offsets reach the end; then the same with count-batched events, and
                with OTLP export requests of 100 HTTP server spans each on the app's spans topic.
                Writes bench/results/e2e-<date>.md and .json.""")
                .option("events", "2M", "single-request events pre-filled (one request each)")
                .option("warmup-events", "500k", "single-request events the app consumes first, untimed, so that the JIT has "
                        + "compiled its path as the bare consumer's second pass has (0: none)")
                .option("batched-events", "200k", "count-batched events pre-filled for the second run (0: skip it)")
                .option("span-requests", "10k", "OTLP export requests (otlp_proto) of " + SPANS_PER_REQUEST
                        + " HTTP server spans each pre-filled on the app's spans topic for the third run (0: skip it)")
                .option("max-count", "100", "counts of batched events are uniform in 1..this")
                .option("slos", "100", "SLOs in the definitions (each event concerns about one)")
                .option("partitions", "3", "partitions of the event topic and of the app's topics")
                .option("sample-ms", "20", "JFR sampling period of a second, profiled and untimed run of the app on the single "
                        + "events, ms (0: no profile)")
                .option("app", "", "settings of the streams app, key=value separated by commas, e.g. kafka.num.stream.threads=2")
                .parse(argv);
        new ThroughputBenchmark(args).run();
    }

    private void run() throws Exception {
        long events = args.number("events");
        long batched = args.number("batched-events");
        report.setting("events", events).setting("warm-up events (untimed)", args.number("warmup-events"))
                .setting("batched events", batched)
                .setting("counts of batched events", "uniform 1.." + args.integer("max-count"))
                .setting("span export requests", args.number("span-requests") + " of " + SPANS_PER_REQUEST
                        + " HTTP server spans each, otlp_proto, one service per request")
                .setting("SLOs", shop.sloCount()).setting("partitions", partitions)
                .setting("streams app", "exactly_once_v2, RocksDB stores with changelogs, the app's defaults (commit.interval.ms 100, "
                        + "a stream thread per core up to the partitions)")
                .setting("app settings (--app)", args.text("app").isBlank() ? "none" : args.text("app"))
                .setting("broker", "embedded single-node KRaft broker in the same JVM");
        work = Scratch.create("bench-e2e");
        try (EmbeddedKafkaBroker started = EmbeddedKafkaBroker.builder().start();
             Topics admin = new Topics(started.bootstrapServers())) {
            broker = started;
            topics = admin;
            Path definitions = PipelineSetup.writeDefinitions(shop, work.resolve("definitions"));
            warmUp(args.number("warmup-events"), definitions);
            double singleRatio = measure("single", "bench.requests.single", events, 1, definitions);
            report.figure("ratio_single", singleRatio);
            if (batched > 0) {
                double batchedRatio = measure("batched", "bench.requests.batched", batched, args.integer("max-count"), definitions);
                report.figure("ratio_batched_records", batchedRatio);
            }
            if (args.number("span-requests") > 0) {
                report.figure("ratio_spans", measureSpans(args.number("span-requests"), definitions));
            }
        } finally {
            Scratch.delete(work);
        }
        report.note("Both consumers read the same pre-filled topic from the same broker in the same JVM, one after the "
                + "other; the bare consumer decodes every value with EventCodec (the app's strict decoder) and keeps nothing, "
                + "or, in the spans run, with SpanDecoder (the app's OTLP decoder) into request events; there each span is "
                + "a request.");
        report.note("Sustained rate: records consumed between the first and the last committed-offset observation "
                + "(polled every 100 ms) divided by that time; it leaves out the app's start (topic creation, definitions, "
                + "rebalance). Total: from SloPipeline.start() to the end, start included.");
        report.note("The app is done when its committed offsets equal the end of the event topic and of its repartition "
                + "topic (at most one transaction marker behind per partition).");
        report.note("Machine shared: 2 cores, other builds running at the same time; figures vary by ±20 % between runs.");
        Path written = report.write(args.results());
        System.err.println("bench: results in " + written);
    }

    /**
     * Runs the app once over events of its own, untimed. Without it the timed run starts with the app's code
     * interpreted and the compiler threads competing for the cores: on the loaded 2-core machine they took a
     * third of the process's CPU during a timed run of 1 M events.
     */
    private void warmUp(long count, Path definitions) {
        if (count == 0) {
            return;
        }
        String topic = "bench.requests.warmup";
        topics.create(topic, partitions);
        prefill(topic, count, 1);
        System.err.printf("bench: warm-up: streams app ...%n");
        timeApp(appConfig("warmup", topic, definitions), topic, count);
    }

    /** The app as the run measures it: production settings, then {@code --app}'s. */
    private StreamsAppConfig appConfig(String run, String topic, Path definitions) {
        StreamsAppConfig.Builder builder = PipelineSetup.builder(broker.bootstrapServers(), "e2e-" + run,
                work.resolve("state-" + run), definitions, topic, partitions);
        appSettings().forEach(builder::set);
        return builder.build();
    }

    /** Pre-fills a topic, then measures the bare consumer and the app on it; returns app ÷ bare (records/s, sustained). */
    private double measure(String run, String topic, long count, int maxCount, Path definitions) throws Exception {
        topics.create(topic, partitions);
        long requests = prefill(topic, count, maxCount);
        long written = AppProgress.sum(topics.endOffsets(List.of(topic)), topic);
        if (written != count) {
            throw new IllegalStateException("the pre-fill wrote " + written + " of " + count + " events to " + topic);
        }

        System.err.printf("bench: %s: bare consumer ...%n", run);
        // two passes, the second timed: the decoder and the consumer are then as warm as they are for the app
        EventCodec codec = new EventCodec();
        ToLongFunction<byte[]> decode = value -> codec.decodeRequest(value) instanceof Decoded.Ok<RequestEvent> ? 1 : 0;
        bareConsume(topic, count, decode);
        CpuTimes bareCpuStart = CpuTimes.now();
        long bareStart = System.nanoTime();
        long decoded = bareConsume(topic, count, decode);
        double bareSeconds = Seconds.since(bareStart);
        CpuTimes bareCpu = CpuTimes.now().since(bareCpuStart);
        table.row("bare consumer + decode (second pass), " + run, count, requests, Seconds.format(bareSeconds),
                Seconds.rate(decoded, bareSeconds), Seconds.rate(requests, bareSeconds));

        System.err.printf("bench: %s: streams app ...%n", run);
        StreamsAppConfig config = appConfig(run, topic, definitions);
        AppTiming timing = timeApp(config, topic, count);
        table.row("streams app (exactly-once) total, " + run, count, requests, Seconds.format(timing.totalSeconds),
                Seconds.rate(count, timing.totalSeconds), Seconds.rate(requests, timing.totalSeconds));
        table.row("streams app (exactly-once) sustained, " + run, timing.sustainedRecords, "",
                Seconds.format(timing.sustainedSeconds), Seconds.rate(timing.sustainedRecords, timing.sustainedSeconds),
                Seconds.rate(timing.sustainedRecords * (double) requests / count, timing.sustainedSeconds));
        double appCores = timing.sustainedCpu.processNanos() / 1e9 / timing.sustainedSeconds;
        double streamCores = timing.sustainedCpu.streamThreadNanos() / 1e9 / timing.sustainedSeconds;
        report.note(String.format(Locale.ROOT, "%s, sustained: the process used %.2f cores (CPU seconds per second), its "
                + "stream threads %.2f; %.2f µs of CPU per event for app and broker together, %.2f µs on the stream threads, "
                + "which allocated %.0f bytes per event", run, appCores, streamCores,
                timing.sustainedCpu.processNanos() / 1e3 / timing.sustainedRecords,
                timing.sustainedCpu.streamThreadNanos() / 1e3 / timing.sustainedRecords,
                timing.sustainedCpu.streamThreadAllocatedBytes() / (double) timing.sustainedRecords));
        cpuTable(run, timing, 1, "event");
        double ratio = (timing.sustainedRecords / timing.sustainedSeconds) / (decoded / bareSeconds);
        table.row("ratio app sustained ÷ bare, " + run, "", "", "", Seconds.ratio(ratio), "");
        cpuRatios(run, bareCpu, decoded, timing);
        if (maxCount == 1 && args.integer("sample-ms") > 0) {
            profile(run, topic, count, definitions);
        }
        Map<TopicPartition, Long> outputs = topics.endOffsets(List.of(config.topics().status(), config.topics().alerts(),
                config.topics().dlq()));
        report.note(run + ": the app wrote " + AppProgress.sum(outputs, config.topics().status()) + " status records, "
                + AppProgress.sum(outputs, config.topics().alerts()) + " alert transitions (offsets include transaction markers), "
                + AppProgress.sum(outputs, config.topics().dlq()) + " dead letters; started in "
                + Seconds.format(timing.startSeconds) + " s (until the first committed offset).");
        report.figure("bare_records_per_s_" + run, Math.round(decoded / bareSeconds));
        report.figure("app_sustained_records_per_s_" + run, Math.round(timing.sustainedRecords / timing.sustainedSeconds));
        System.err.printf("bench: %s: bare %s/s, app %s/s sustained, ratio %s%n", run, Seconds.rate(decoded, bareSeconds),
                Seconds.rate(timing.sustainedRecords, timing.sustainedSeconds), Seconds.ratio(ratio));
        return ratio;
    }

    /**
     * Pre-fills the app's spans topic with OTLP export requests, then measures a bare consumer that decodes them with
     * the app's span decoder and the app on them (its request topic left empty); returns app ÷ bare (spans/s,
     * sustained). Fails when the app did not count every span for an SLO, so that the figure is not of spans dropped.
     */
    private double measureSpans(long requests, Path definitions) throws Exception {
        String run = "spans";
        String empty = "bench.requests.spans";
        topics.create(empty, partitions);
        StreamsAppConfig config = appConfig(run, empty, definitions);
        String topic = config.spans().topic().orElseThrow();
        topics.create(topic, partitions);
        long spans = prefillSpans(topic, requests);

        System.err.printf("bench: %s: bare consumer ...%n", run);
        SpanDecoder decoder = new SpanDecoder(SpanEncoding.OTLP_PROTO, config.spans().kinds());
        ToLongFunction<byte[]> decode = value -> decoder.decode(value) instanceof Decoded.Ok<SpanBatch> ok
                ? ok.value().events().size() : 0;
        bareConsume(topic, requests, decode);
        long bareStart = System.nanoTime();
        long decoded = bareConsume(topic, requests, decode);
        double bareSeconds = Seconds.since(bareStart);
        if (decoded != spans) {
            throw new IllegalStateException("the span decoder made " + decoded + " events of " + spans + " spans");
        }
        table.row("bare consumer + span decode (second pass), " + run, requests, spans, Seconds.format(bareSeconds),
                Seconds.rate(requests, bareSeconds), Seconds.rate(spans, bareSeconds));

        System.err.printf("bench: %s: streams app ...%n", run);
        AppTiming timing = timeApp(config, topic, requests);
        if (timing.spans().classified() < spans) {
            throw new IllegalStateException("of " + spans + " spans the app counted only " + timing.spans());
        }
        double perSpan = (double) spans / requests;
        table.row("streams app (exactly-once) total, " + run, requests, spans, Seconds.format(timing.totalSeconds),
                Seconds.rate(requests, timing.totalSeconds), Seconds.rate(spans, timing.totalSeconds));
        table.row("streams app (exactly-once) sustained, " + run, timing.sustainedRecords, "",
                Seconds.format(timing.sustainedSeconds), Seconds.rate(timing.sustainedRecords, timing.sustainedSeconds),
                Seconds.rate(timing.sustainedRecords * perSpan, timing.sustainedSeconds));
        cpuTable(run, timing, perSpan, "span");
        report.note(String.format(Locale.ROOT, "%s, sustained: %.2f µs of CPU per span for app and broker together, %.2f µs "
                + "on the stream threads; the warm-up ran JSON events, so the compilers still had the span path to compile",
                run, timing.sustainedCpu.processNanos() / 1e3 / (timing.sustainedRecords * perSpan),
                timing.sustainedCpu.streamThreadNanos() / 1e3 / (timing.sustainedRecords * perSpan)));
        double ratio = (timing.sustainedRecords / timing.sustainedSeconds) / (requests / bareSeconds);
        table.row("ratio app sustained ÷ bare, " + run, "", "", "", Seconds.ratio(ratio), "");
        report.note(run + ": the app's counters: " + timing.spans() + "; started in " + Seconds.format(timing.startSeconds)
                + " s (until the first committed offset).");
        report.figure("bare_spans_per_s", Math.round(spans / bareSeconds));
        report.figure("app_sustained_spans_per_s", Math.round(timing.sustainedRecords * perSpan / timing.sustainedSeconds));
        System.err.printf("bench: %s: bare %s spans/s, app %s spans/s sustained, ratio %s%n", run,
                Seconds.rate(spans, bareSeconds), Seconds.rate(timing.sustainedRecords * perSpan, timing.sustainedSeconds),
                Seconds.ratio(ratio));
        return ratio;
    }

    /** Export requests whose spans end from 55 to 1 minutes ago, in order; returns the spans written. */
    private long prefillSpans(String topic, long requests) {
        System.err.printf("bench: pre-filling %s with %,d export requests ...%n", topic, requests);
        Instant start = Instant.now().minus(Duration.ofMinutes(55));
        Duration spacing = Duration.ofMinutes(54).dividedBy(requests * SPANS_PER_REQUEST);
        Random random = new Random(42);
        long begin = System.nanoTime();
        try (SpanProducer producer = new SpanProducer(broker.bootstrapServers(), topic)) {
            for (long i = 0; i < requests; i++) {
                producer.send(shop, random, start.plus(spacing.multipliedBy(i * SPANS_PER_REQUEST)), spacing,
                        SPANS_PER_REQUEST);
            }
            producer.flush();
        }
        double seconds = Seconds.since(begin);
        long written = AppProgress.sum(topics.endOffsets(List.of(topic)), topic);
        if (written != requests) {
            throw new IllegalStateException("the pre-fill wrote " + written + " of " + requests + " export requests to " + topic);
        }
        report.note("pre-fill of " + topic + ": " + requests + " export requests of " + SPANS_PER_REQUEST + " spans in "
                + Seconds.format(seconds) + " s (" + Seconds.rate(requests * SPANS_PER_REQUEST, seconds)
                + " spans/s, made by the OpenTelemetry SDK and encoded by its OTLP encoder, producer as above)");
        return requests * SPANS_PER_REQUEST;
    }

    /**
     * Runs the app again over the same events under the flight recorder, after the timed run rather than
     * during it: sampling slowed the stream threads about twofold (5.6 against 2.7 µs of CPU per event in
     * two runs at similar load), so a profiled run is only a profile, and its rate is shown as such.
     */
    private void profile(String run, String topic, long count, Path definitions) throws IOException {
        int sampleMs = args.integer("sample-ms");
        System.err.printf("bench: %s: streams app again, profiled ...%n", run);
        try (StackSampler sampler = new StackSampler(Duration.ofMillis(sampleMs))) {
            AppTiming timing = timeApp(appConfig(run + "-profiled", topic, definitions), topic, count);
            StackSampler.Profile profile = sampler.stop(work.resolve("e2e.jfr"), 400);
            table.row("streams app (exactly-once) sustained under the profiler (not a figure), " + run,
                    timing.sustainedRecords, "", Seconds.format(timing.sustainedSeconds),
                    Seconds.rate(timing.sustainedRecords, timing.sustainedSeconds), "");
            report.note("Profile of the whole JVM (broker, streams app, admin polling) while a second app consumed the "
                    + run + " events again: " + profile.samples() + " JFR execution samples every " + sampleMs
                    + " ms per running thread.");
            StackSampler.addTo(report, profile, 15, method -> method.startsWith("dev.slopipeline.streams")
                    || method.startsWith("dev.slopipeline.definitions"));
        }
    }

    /** Where the CPU of the sustained phase went, by thread pool, per {@code unit}, of which a record holds so many. */
    /**
     * The ratio as CPU per event, bare ÷ app, which the machine's other load moves far less than the rates (they
     * follow the share of the cores the process got); once for the whole process and once without the JIT compilers,
     * which are busier while the app runs and whose work a long-running app does once.
     */
    private void cpuRatios(String run, CpuTimes bareCpu, long bareRecords, AppTiming timing) {
        CpuTimes appCpu = timing.sustainedCpu;
        double bare = bareCpu.processNanos() / (double) bareRecords;
        double app = appCpu.processNanos() / (double) timing.sustainedRecords;
        double bareCompiled = (bareCpu.processNanos() - bareCpu.poolNanos().getOrDefault(CpuTimes.JIT_COMPILERS, 0L)) / (double) bareRecords;
        double appCompiled = (appCpu.processNanos() - appCpu.poolNanos().getOrDefault(CpuTimes.JIT_COMPILERS, 0L))
                / (double) timing.sustainedRecords;
        table.row("ratio bare ÷ app in CPU per event, whole process, " + run, "", "", "", Seconds.ratio(bare / app), "");
        table.row("ratio bare ÷ app in CPU per event, without the JIT compilers, " + run, "", "", "",
                Seconds.ratio(bareCompiled / appCompiled), "");
        report.note(String.format(Locale.ROOT, "%s: CPU per event of the whole process, bare consumer %.2f µs (%.2f without "
                + "the JIT compilers), app %.2f µs (%.2f)", run, bare / 1e3, bareCompiled / 1e3, app / 1e3, appCompiled / 1e3));
        report.figure("cpu_ratio_" + run, Math.round(bare / app * 100) / 100.0);
    }

    private void cpuTable(String run, AppTiming timing, double unitsPerRecord, String unit) {
        BenchReport.Table cpu = report.table("CPU while the app was sustained, " + run, "threads", "CPU seconds",
                "cores (CPU s per s)", "µs per " + unit);
        Map<String, Long> pools = new LinkedHashMap<>(timing.sustainedCpu.poolNanos());
        pools.put("the rest (the JVM's other threads); GC pauses " + timing.sustainedCpu.gcMillis() + " ms",
                timing.sustainedCpu.outsideThreadsNanos());
        pools.put("whole process", timing.sustainedCpu.processNanos());
        pools.forEach((pool, nanos) -> {
            if (nanos >= timing.sustainedCpu.processNanos() / 100) {
                cpu.row("`" + pool + "`", Seconds.format(nanos / 1e9), String.format(Locale.ROOT, "%.2f",
                        nanos / 1e9 / timing.sustainedSeconds),
                        String.format(Locale.ROOT, "%.2f", nanos / 1e3 / (timing.sustainedRecords * unitsPerRecord)));
            }
        });
    }

    /** The {@code --app} settings, in the order given. */
    private Map<String, String> appSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : args.text("app").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("--app takes key=value pairs, got " + pair);
            }
            settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return settings;
    }

    /** Events whose times run from 55 to 1 minutes ago, in order: all within the app's accepted ages. */
    private long prefill(String topic, long count, int maxCount) {
        System.err.printf("bench: pre-filling %s with %,d events ...%n", topic, count);
        Instant start = Instant.now().minus(Duration.ofMinutes(55));
        long spacingNanos = Duration.ofMinutes(54).toNanos() / count;
        Random random = new Random(42);
        long requests = 0;
        long begin = System.nanoTime();
        try (EventProducer producer = new EventProducer(broker.bootstrapServers(), topic, true)) {
            for (long i = 0; i < count; i++) {
                RequestEvent event = shop.randomEvent(random, start.plusNanos(i * spacingNanos), maxCount);
                requests += event.count();
                producer.send(event);
            }
            producer.flush();
        }
        double seconds = Seconds.since(begin);
        report.note("pre-fill of " + topic + ": " + count + " events in " + Seconds.format(seconds) + " s ("
                + Seconds.rate(count, seconds) + " events/s, producer with acks=all, linger 20 ms, encoding included)");
        return requests;
    }

    /** Reads a topic from its start, decoding each record of {@code topic}; returns the events decoded. */
    private long bareConsume(String topic, long expected, ToLongFunction<byte[]> decode) {
        long decoded = 0;
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000))) {
            Set<TopicPartition> assigned = topics.partitions(topic);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + DRAIN_DEADLINE.toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    decoded += decode.applyAsLong(record.value());
                }
            }
        }
        if (read < expected) {
            throw new IllegalStateException("the bare consumer read " + read + " of " + expected + " records");
        }
        return decoded;
    }

    private record AppTiming(double totalSeconds, double startSeconds, double sustainedSeconds, long sustainedRecords,
                             CpuTimes sustainedCpu, SpansCounted spans) {
    }

    private AppTiming timeApp(StreamsAppConfig config, String topic, long count) {
        long start = System.nanoTime();
        try (StreamsApp app = SloPipeline.start(config)) {
            AppProgress.Drained drained = AppProgress.awaitDrained(topics, app, config.applicationId(), topic, count,
                    DRAIN_DEADLINE);
            return new AppTiming((drained.doneNanos() - start) / 1e9, (drained.firstNanos() - start) / 1e9,
                    (drained.doneNanos() - drained.firstNanos()) / 1e9, count - drained.firstProgress(), drained.sustainedCpu(),
                    SpansCounted.of(app.meterRegistry()));
        }
    }
}
