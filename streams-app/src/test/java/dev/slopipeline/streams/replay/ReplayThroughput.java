package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.yaml.LoadResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Not a test: measures replay throughput on 30 days of minute-level traffic for dozens of SLOs (one
 * request event per SLO and minute with a count, a few bad ones, one incident per SLO), timing the
 * reading and the replay separately. Run from the module after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.slopipeline.streams.replay.ReplayThroughput [slos] [days]
 * </pre>
 */
public final class ReplayThroughput {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private ReplayThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int slos = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path events = Files.createTempFile("replay-throughput", ".jsonl");
        try {
            long written = write(events, slos, days);
            DefinitionSet definitions = definitions(slos);
            long started = System.nanoTime();
            RecordedEvents.read(List.of(events));
            long read = System.nanoTime() - started;
            started = System.nanoTime();
            ReplaySummary summary = Replay.run(new Replay.Options(definitions, List.of(events), Optional.empty(), Optional.empty()),
                    new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));
            long total = System.nanoTime() - started;
            System.out.printf("%d SLOs, %d days: %d events (%d MB); reading alone %.1f s; replay with reading %.1f s = %.0f events/s%n",
                    slos, days, written, Files.size(events) >> 20, read / 1e9, total / 1e9, written / (total / 1e9));
            System.out.printf("pages %d, tickets %d, late %d, invalid %d%n",
                    summary.alertsBySlo().values().stream().mapToInt(ReplaySummary.Fired::pages).sum(),
                    summary.alertsBySlo().values().stream().mapToInt(ReplaySummary.Fired::tickets).sum(),
                    summary.late(), summary.invalid());
        } finally {
            Files.delete(events);
        }
    }

    private static DefinitionSet definitions(int slos) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: shop}
                spec: {owner: team-shop, tier: 1}
                """);
        for (int i = 0; i < slos; i++) {
            yaml.append("---\napiVersion: slo-pipeline/v1\nkind: SLO\nmetadata: {name: journey-").append(i).append("}\n")
                    .append("spec:\n  service: shop\n  indicator:\n    match:\n      - {service: svc-").append(i)
                    .append(", operation: \"GET /items\"}\n    good: {status: {below: 500}}\n  objective: 99.9\n  window: 30d\n");
        }
        LoadResult loaded = Definitions.loadTexts(Map.of("slos.yaml", yaml.toString()));
        if (loaded.hasErrors()) {
            throw new IllegalStateException(loaded.errors().toString());
        }
        return loaded.definitions();
    }

    /** Every minute, every SLO: 1000 requests in one event; now and then a few failures; one hour-long incident each. */
    private static long write(Path file, int slos, int days) throws IOException {
        EventCodec codec = new EventCodec();
        Random random = new Random(1);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int minute = 0; minute < days * 24 * 60; minute++) {
                Instant time = START.plus(Duration.ofMinutes(minute));
                for (int slo = 0; slo < slos; slo++) {
                    String service = "svc-" + slo;
                    boolean incident = minute / 60 == 24 * (1 + slo % days) && minute % 60 < 30;
                    int status = incident ? 503 : 200;
                    out.write(codec.encode(new RequestEvent(time, service, "GET /items", status, RequestEvent.NO_LATENCY, 1000, Map.of())));
                    out.write('\n');
                    written++;
                    if (!incident && random.nextInt(100) == 0) {
                        out.write(codec.encode(new RequestEvent(time.plusSeconds(30), service, "GET /items", 500,
                                RequestEvent.NO_LATENCY, 1 + random.nextInt(3), Map.of())));
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        return written;
    }
}
