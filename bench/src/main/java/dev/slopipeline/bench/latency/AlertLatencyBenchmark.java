package dev.slopipeline.bench.latency;

import dev.slopipeline.bench.Scratch;
import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.bench.kafka.EventProducer;
import dev.slopipeline.bench.kafka.PipelineSetup;
import dev.slopipeline.bench.kafka.Seconds;
import dev.slopipeline.bench.kafka.Topics;
import dev.slopipeline.bench.report.BenchArgs;
import dev.slopipeline.bench.report.BenchReport;
import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Alert latency at a steady load: for each incident (an SLO's traffic turning to server errors), the
 * wall time from producing the event after which its page pairs hold to a local webhook receiving the
 * page; through the streams app and the router, and through Prometheus and Alertmanager on the same
 * traffic.
 */
public final class AlertLatencyBenchmark {

    private static final String PIPELINE_PATH = "/pipeline";
    private static final String PEER_PATH = "/peer";
    private static final String TUNED_PEER_PATH = "/peer-tuned";
    private static final String REQUESTS = "bench.live.requests";
    private static final String RUN = "latency";

    private final BenchArgs args;
    private final SyntheticShop shop;
    private final BenchReport report;

    /** One Prometheus + Alertmanager pair and what it was set to. */
    private record Peer(String name, String path, Duration scrape, Duration evaluation, Duration groupWait) {
        String describe() {
            return "Prometheus (scrape " + scrape.toSeconds() + " s, rules every " + evaluation.toSeconds() + " s: "
                    + "Sloth-style recording rules for 5m/30m/1h/2h/6h/1d/3d error ratios, one page alert for both page "
                    + "pairs, no for:) → Alertmanager (group_wait " + groupWait.toSeconds() + " s, as the router's) → webhook";
        }
    }

    private AlertLatencyBenchmark(BenchArgs args) {
        this.args = args;
        this.shop = new SyntheticShop(args.integer("slos"));
        this.report = new BenchReport("latency", "Alert latency: streams app + router vs Prometheus + Alertmanager",
                args.command("bench/latency"));
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = new BenchArgs("""
                Usage: bench/latency [options]
                Steady live traffic to the streams app and router on an embedded broker, and to a counter exporter
                scraped by Prometheus (+ Alertmanager); incidents on one SLO at a time; latency from producing the event
                after which the page pairs hold to the page reaching a local webhook. bench/latency installs the
                Debian packages prometheus and prometheus-alertmanager with apt-get when they are missing.
                Writes bench/results/latency-<date>.md and .json.""")
                .option("slos", "50", "SLOs receiving traffic")
                .option("rate", "1000", "events per second, all SLOs together, round robin")
                .option("partitions", StreamsAppKeys.TOPIC_PARTITIONS.defaultValue().orElseThrow(),
                        "partitions of the request topic and of those the streams app creates (the app's default)")
                .option("incidents", "30", "incidents measured through the pipeline only, one after the other")
                .option("peer-incidents", "6", "incidents measured through both (0: no Prometheus/Alertmanager)")
                .option("peer-stagger", "15", "seconds between the starts of two peer incidents")
                .option("peer-timeout", "240", "seconds an incident may wait for its pages")
                .option("warmup", "45", "seconds of clean traffic before the first incident")
                .option("group-wait", "0", "group_wait of the router and of the peers' Alertmanagers, seconds")
                .option("peer-scrape", "15", "the peer's scrape interval, seconds (Prometheus' usual 15 s)")
                .option("peer-evaluation", "30", "the peer's rule evaluation interval, seconds (Sloth's examples: 30 s)")
                .option("tuned-peer", "5", "scrape and evaluation interval of a second, tuned peer, seconds (0: none)")
                .option("prometheus", "prometheus", "the Prometheus binary")
                .option("alertmanager", "prometheus-alertmanager", "the Alertmanager binary")
                .parse(argv);
        int needed = args.integer("incidents") + args.integer("peer-incidents");
        if (needed > args.integer("slos")) {
            System.err.println("bench: --slos must be at least --incidents + --peer-incidents (" + needed + ")");
            System.exit(2);
        }
        new AlertLatencyBenchmark(args).run();
    }

    private void run() throws Exception {
        int peerIncidents = args.integer("peer-incidents");
        Duration groupWait = Duration.ofSeconds(args.integer("group-wait"));
        List<Peer> peers = new ArrayList<>();
        if (peerIncidents > 0) {
            peers.add(new Peer("Prometheus + Alertmanager", PEER_PATH, Duration.ofSeconds(args.integer("peer-scrape")),
                    Duration.ofSeconds(args.integer("peer-evaluation")), groupWait));
            Duration tuned = Duration.ofSeconds(args.integer("tuned-peer"));
            if (!tuned.isZero()) {
                peers.add(new Peer("Prometheus + Alertmanager, tuned", TUNED_PEER_PATH, tuned, tuned, groupWait));
            }
        }
        report.setting("SLOs", shop.sloCount() + " (99.9 % over 30 d, the default page pairs 1h/5m × 14.4 and 6h/30m × 6)")
                .setting("load", args.integer("rate") + " events/s in real time, one request each, round robin over the SLOs")
                .setting("partitions", args.integer("partitions") + " (the request topic and the topics the streams app creates)")
                .setting("incident", "all of one SLO's events turn to 503 until its pages arrived; clean history = the run so far")
                .setting("pipeline", "streams app (exactly-once, 100 ms commits) → slo.alerts → router (exactly-once, group_by "
                        + "[slo, severity], group_wait " + args.integer("group-wait") + "s, flush check every 50 ms, pages to the "
                        + "webhook, tickets to a receiver without configs) → delivery service → webhook");
        if (peers.isEmpty()) {
            report.setting("peer", "not run");
        }
        for (Peer peer : peers) {
            report.setting("peer: " + peer.name(), peer.describe());
        }
        Path work = Scratch.create("bench-latency");
        List<Double> pipelineAll = new ArrayList<>();
        List<Double> pipelinePeerPhase = new ArrayList<>();
        List<List<Double>> peerLatencies = new ArrayList<>();
        peers.forEach(peer -> peerLatencies.add(new ArrayList<>()));
        int[] missedPeers = new int[peers.size()];
        int missedPipeline = 0;
        String[] names = new String[shop.sloCount()];
        Arrays.setAll(names, SyntheticShop::sloName);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start();
             Topics topics = new Topics(broker.bootstrapServers());
             WebhookReceiver hook = new WebhookReceiver();
             CounterExporter exporter = new CounterExporter(names);
             PeerProcesses peerProcesses = new PeerProcesses()) {
            topics.create(REQUESTS, args.integer("partitions"));
            RouterTopics routerTopics = RouterTopics.withSuffix("." + RUN);
            StreamsAppConfig config = PipelineSetup.builder(broker.bootstrapServers(), RUN, work.resolve("state"),
                            PipelineSetup.writeDefinitions(shop, work.resolve("definitions")), REQUESTS, args.integer("partitions"))
                    .set(StreamsAppKeys.TOPIC_ALERTS, routerTopics.alerts())
                    .build();
            if (!peers.isEmpty()) {
                report.setting("peer versions", PrometheusPeer.version(args.text("prometheus")) + "; "
                        + PrometheusPeer.version(args.text("alertmanager")));
            }
            for (Peer peer : peers) {
                System.err.println("bench: starting Alertmanager and Prometheus (" + peer.name() + ") ...");
                PrometheusPeer prometheus = peerProcesses.add(new PrometheusPeer(work.resolve("peer" + peerProcesses.size())));
                prometheus.start(args.text("prometheus"), args.text("alertmanager"), exporter.port(), hook.url(peer.path()),
                        peer.scrape(), peer.evaluation(), peer.groupWait());
            }
            System.err.println("bench: starting the streams app and the router ...");
            try (StreamsApp app = SloPipeline.start(config);
                 RouterApp router = RouterApp.start(RouterAppConfig.builder().bootstrapServers(broker.bootstrapServers())
                         .set(RouterAppKeys.APPLICATION_ID, "bench-router-" + RUN)
                         .set(RouterAppKeys.STATE_DIR, work.resolve("router-state"))
                         .topics(routerTopics)
                         .set(RouterAppKeys.TOPIC_DELIVERIES, "router.deliveries." + RUN)
                         .set(RouterAppKeys.HTTP_PORT, 0)
                         .set(RouterAppKeys.PUNCTUATION_INTERVAL, Duration.ofMillis(50))
                         .build(),
                         RouterConfigLoader.parse("router.yml",
                                 routerConfig(hook.url(PIPELINE_PATH))).orElseThrow());
                 LiveTraffic traffic = new LiveTraffic(shop, new EventProducer(broker.bootstrapServers(), REQUESTS, false),
                         exporter, args.integer("rate"))) {
                awaitRunning(app, router);
                System.err.printf("bench: %d s of clean traffic ...%n", args.integer("warmup"));
                Thread.sleep(args.integer("warmup") * 1000L);

                int incidents = args.integer("incidents");
                for (int slo = 0; slo < incidents; slo++) {
                    Double latency = pipelineIncident(traffic, hook, slo);
                    if (latency == null) {
                        missedPipeline++;
                    } else {
                        pipelineAll.add(latency);
                    }
                }
                System.err.printf("bench: pipeline-only incidents: p50 %.0f ms, p99 %.0f ms%n",
                        percentile(pipelineAll, 50), percentile(pipelineAll, 99));
                if (!peers.isEmpty()) {
                    int[] missed = peerPhase(traffic, hook, incidents, peerIncidents, peers, pipelinePeerPhase, peerLatencies);
                    missedPipeline += missed[0];
                    System.arraycopy(missed, 1, missedPeers, 0, peers.size());
                    pipelineAll.addAll(pipelinePeerPhase);
                }
                report.note("Events sent: " + traffic.sent() + ".");
            }
        } finally {
            Scratch.delete(work);
        }
        BenchReport.Table table = report.table("Latency from the crossing event to the webhook", "path", "incidents",
                "missed", "p50 ms", "p90 ms", "p99 ms", "max ms");
        row(table, "streams app + router, all incidents", pipelineAll, missedPipeline);
        if (!peers.isEmpty()) {
            row(table, "streams app + router, the peers' incidents", pipelinePeerPhase, 0);
        }
        for (int i = 0; i < peers.size(); i++) {
            Peer peer = peers.get(i);
            List<Double> latencies = peerLatencies.get(i);
            row(table, peer.name() + " (scrape " + peer.scrape().toSeconds() + " s, rules " + peer.evaluation().toSeconds()
                    + " s, group_wait " + peer.groupWait().toSeconds() + " s)", latencies, missedPeers[i]);
            double ratio50 = percentile(latencies, 50) / percentile(pipelinePeerPhase, 50);
            double ratio99 = percentile(latencies, 99) / percentile(pipelinePeerPhase, 99);
            table.row("ratio " + peer.name() + " ÷ pipeline (same incidents)", "", "", Seconds.ratio(ratio50), "",
                    Seconds.ratio(ratio99), "");
            String key = i == 0 ? "peer" : "tuned_peer";
            report.figure(key + "_p50_ms", percentile(latencies, 50)).figure(key + "_p99_ms", percentile(latencies, 99));
        }
        report.figure("pipeline_p50_ms", percentile(pipelineAll, 50)).figure("pipeline_p99_ms", percentile(pipelineAll, 99));
        report.note("Crossing event: the bench keeps every SLO's requests in minute buckets of event time and sums the page "
                + "pairs' windows exactly after each error it sends; the first error after which a pair holds starts the "
                + "clock (System.nanoTime before the producer's send). With only the run's own clean traffic as history, a "
                + "full outage crosses within a second, so the figures are the delay after crossing, not the time to "
                + "detect. Time to detect, for reference: after six clean hours a total outage crosses 1h/5m × 14.4 after "
                + "0.0144 × 3600 / (1 − 0.0144) ≈ 52.6 s of errors; after one clean hour only, 6h/30m × 6 crosses first, "
                + "after ≈ 21.7 s, its 6h window holding just that hour.");
        report.note("Only pages count (label severity=page): the ticket pairs, with the same short history, cross earlier.");
        report.note("Peer incidents overlap (one starts every " + args.integer("peer-stagger") + " s) so the run stays short; "
                + "each SLO's traffic stays failing until both pages arrived.");
        report.note("Percentiles by nearest rank; with few incidents p99 is the maximum.");
        report.note("Machine shared: 2 cores, other builds running at the same time; broker, streams app, router, traffic, "
                + "Prometheus and Alertmanager all on it.");
        Path written = report.write(args.results());
        System.err.println("bench: results in " + written);
    }

    /** One incident at a time through the pipeline only; the latency in ms, or null when no page came. */
    private Double pipelineIncident(LiveTraffic traffic, WebhookReceiver hook, int slo) {
        String name = SyntheticShop.sloName(slo);
        traffic.startOutage(slo);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Long received = hook.firstFiring(PIPELINE_PATH, name);
                if (received != null && traffic.crossed(slo) != 0) {
                    double ms = (received - traffic.crossed(slo)) / 1e6;
                    System.err.printf("bench: incident %s: %.0f ms%n", name, ms);
                    return ms;
                }
                Seconds.pause(5);
            }
            System.err.printf("bench: incident %s: no page within 30 s%n", name);
            return null;
        } finally {
            traffic.endOutage(slo);
            Seconds.pause(300);
        }
    }

    /**
     * Overlapping incidents measured through the pipeline and every peer; returns the incidents missed by the pipeline,
     * then by each peer.
     */
    private int[] peerPhase(LiveTraffic traffic, WebhookReceiver hook, int first, int count, List<Peer> peers,
                            List<Double> pipeline, List<List<Double>> peerLatencies) {
        long stagger = Duration.ofSeconds(args.integer("peer-stagger")).toNanos();
        long timeout = Duration.ofSeconds(args.integer("peer-timeout")).toNanos();
        long begin = System.nanoTime();
        long[] started = new long[count];
        boolean[] done = new boolean[count];
        int finished = 0;
        int[] missed = new int[1 + peers.size()];
        System.err.printf("bench: %d incidents through the pipeline and %d peer(s), one every %d s ...%n", count,
                peers.size(), args.integer("peer-stagger"));
        while (finished < count) {
            long now = System.nanoTime();
            for (int i = 0; i < count; i++) {
                int slo = first + i;
                if (started[i] == 0 && now - begin >= i * stagger) {
                    started[i] = now;
                    traffic.startOutage(slo);
                }
                if (started[i] == 0 || done[i]) {
                    continue;
                }
                String name = SyntheticShop.sloName(slo);
                Long[] arrivals = new Long[1 + peers.size()];
                arrivals[0] = hook.firstFiring(PIPELINE_PATH, name);
                for (int p = 0; p < peers.size(); p++) {
                    arrivals[1 + p] = hook.firstFiring(peers.get(p).path(), name);
                }
                boolean timedOut = now - started[i] > timeout;
                if (Arrays.stream(arrivals).allMatch(Objects::nonNull) || timedOut) {
                    traffic.endOutage(slo);
                    done[i] = true;
                    finished++;
                    long crossed = traffic.crossed(slo);
                    StringBuilder line = new StringBuilder("bench: incident " + name + ":");
                    for (int a = 0; a < arrivals.length; a++) {
                        List<Double> into = a == 0 ? pipeline : peerLatencies.get(a - 1);
                        if (arrivals[a] != null && crossed != 0) {
                            into.add((arrivals[a] - crossed) / 1e6);
                        } else {
                            missed[a]++;
                        }
                        line.append(a == 0 ? " pipeline " : ", " + peers.get(a - 1).name() + " ")
                                .append(arrivals[a] == null ? "-" : String.format(Locale.ROOT, "%.0f", (arrivals[a] - crossed) / 1e6))
                                .append(" ms");
                    }
                    System.err.println(line);
                }
            }
            Seconds.pause(20);
        }
        return missed;
    }

    /** Pages to the webhook in a group of their own per SLO; tickets to a receiver that sends nothing. */
    private String routerConfig(String webhook) {
        return """
                route:
                  receiver: tickets
                  group_by: [slo, severity]
                  group_wait: %ds
                  group_interval: 1m
                  repeat_interval: 4h
                  routes:
                  - matchers: ['severity="page"']
                    receiver: pager
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s', send_resolved: false}]
                - name: tickets
                """.formatted(args.integer("group-wait"), webhook);
    }

    /** The peers started so far, stopped together. */
    private static final class PeerProcesses implements AutoCloseable {
        private final List<PrometheusPeer> started = new ArrayList<>();

        PrometheusPeer add(PrometheusPeer peer) {
            started.add(peer);
            return peer;
        }

        int size() {
            return started.size();
        }

        @Override
        public void close() {
            started.forEach(PrometheusPeer::close);
        }
    }

    private void awaitRunning(StreamsApp app, RouterApp router) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (app.state() != KafkaStreams.State.RUNNING || router.streamsState() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the streams app (" + app.state() + ") or the router ("
                        + router.streamsState() + ") did not start within 2 minutes");
            }
            Seconds.pause(100);
        }
    }

    private static void row(BenchReport.Table table, String path, List<Double> values, int missed) {
        table.row(path, values.size(), missed, ms(percentile(values, 50)), ms(percentile(values, 90)),
                ms(percentile(values, 99)), ms(percentile(values, 100)));
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** Nearest rank. */
    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
