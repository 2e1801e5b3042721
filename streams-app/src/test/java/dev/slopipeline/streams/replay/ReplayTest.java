package dev.slopipeline.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of a scripted incident: the transitions it must show, byte for byte the same every time. */
class ReplayTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final DefinitionSet SHOP = RecordedShop.definitions(RecordedShop.YAML);
    /** The shop with checkout-availability split by the events' region. */
    private static final DefinitionSet SHOP_BY_REGION = RecordedShop.definitions(
            RecordedShop.YAML.replace("  window: 30d\n", "  window: 30d\n  groupBy: [region]\n"));
    private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    @TempDir
    Path folder;

    /**
     * Three hours of checkout traffic, 1000 requests a minute; from 02:00 the payments provider fails
     * every charge for ten minutes. Around it: a failing database ping of payments (a covered service),
     * a failing disk of search's database (covered by no journey), three broken lines, and a failure
 * recorded out of order.
     */
    private static List<String> incident() {
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 180; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            boolean outage = minute >= 120 && minute < 130;
            if (outage) {
                lines.add(request(time.plusSeconds(5), "payments", "POST /charge/visa", 502, 1000));
            } else {
                lines.add(request(time.plusSeconds(10), "checkout-api", "POST /checkout", 200, 1000));
            }
            lines.add(request(time.plusSeconds(20), "search-api", "GET /search", 200, 50));
        }
        lines.add(health(START.plus(Duration.ofMinutes(118)), "payments", "db-ping", HealthStatus.FAIL, "db-2"));
        for (int minute = 30; minute < 33; minute++) {
            lines.add(health(START.plus(Duration.ofMinutes(minute)), "search-db", "disk", HealthStatus.FAIL, "host-9"));
        }
        lines.add("{\"timestamp\":\"2026-03-02T01:00:00Z\",\"service\":\"checkout-api\",\"status\":200}");
        lines.add("not json at all");
        lines.add("{\"timestamp\":\"2026-03-02T01:00:00Z\",\"service\":\"payments\",\"check\":\"db-ping\",\"status\":\"down\"}");
        // written last but replayed in its place: in event time order nothing is late
        lines.add(request(START.plus(Duration.ofMinutes(150)), "payments", "POST /charge/visa", 502, 7));
        return lines;
    }

    /** Three hours in three regions, 1000 checkouts a minute each; from 02:00 eu-west fails for ten minutes. */
    private static List<String> regionalIncident() {
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 180; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            for (String region : REGIONS) {
                boolean outage = region.equals("eu-west") && minute >= 120 && minute < 130;
                lines.add(request(time.plusSeconds(REGIONS.indexOf(region)), "checkout-api", "POST /checkout",
                        outage ? 503 : 200, 1000, Map.of("region", region)));
            }
        }
        return lines;
    }

    private static String request(Instant time, String service, String operation, int status, long count) {
        return request(time, service, operation, status, count, Map.of());
    }

    private static String request(Instant time, String service, String operation, int status, long count,
                                  Map<String, String> attributes) {
        return RecordedShop.request(time, service, operation, status, RequestEvent.NO_LATENCY, count, attributes);
    }

    private static String health(Instant time, String service, String check, HealthStatus status, String target) {
        return RecordedShop.health(time, service, check, status, target);
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(folder.resolve(name), lines);
    }

    /** Replays and returns stdout and stderr. */
    private static String[] replay(List<Path> files, Optional<Instant> from, Optional<Instant> to) throws IOException {
        return replay(SHOP, files, from, to);
    }

    private static String[] replay(DefinitionSet definitions, List<Path> files, Optional<Instant> from, Optional<Instant> to)
            throws IOException {
        ByteArrayOutputStream alerts = new ByteArrayOutputStream();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        Replay.run(new Replay.Options(definitions, files, from, to), new PrintStream(alerts, true, StandardCharsets.UTF_8),
                new PrintStream(summary, true, StandardCharsets.UTF_8));
        return new String[] {alerts.toString(StandardCharsets.UTF_8), summary.toString(StandardCharsets.UTF_8)};
    }

    private static List<Alert> alerts(String stdout) {
        return RecordedShop.alerts(stdout);
    }

    @Test
    void shouldReplayTheIncidentAsTheTopologyAlertsOnIt() throws IOException {
        Path recorded = write("incident.jsonl", incident());

        String[] out = replay(List.of(recorded), Optional.empty(), Optional.empty());

        List<Alert> alerts = alerts(out[0]);
        // the first failing minute holds 1000 bad of 60 000 in the hour (1.7 % > 1.44 %) and fails the 5 minutes
        // outright; the 2 hours of ticket-fast hold 1000 of 120 000 (0.83 % > 0.3 %): page and ticket at once
        assertThat(alerts).extracting(Alert::severity, Alert::state, Alert::at).containsExactly(
                tuple(Severity.PAGE, AlertState.FIRING, Instant.parse("2026-03-02T02:00:05Z")),
                tuple(Severity.TICKET, AlertState.FIRING, Instant.parse("2026-03-02T02:00:05Z")),
                // page-slow's 30 minutes are clean from 02:39; a minute after it last held
                tuple(Severity.PAGE, AlertState.RESOLVED, Instant.parse("2026-03-02T02:39:10Z")));
        assertThat(alerts.get(0).slo()).isEqualTo("checkout-availability");
        assertThat(alerts.get(0).context()).extracting(Alert.Context::check).containsExactly("db-ping");
        assertThat(out[1]).isEqualTo("""
                replay: 368 events read, 368 replayed (0 outside --from/--to), 3 invalid, 0 late
                  SLO                     PAGES  TICKETS  NOTIFY
                  checkout-availability       1        1       0
                  search-latency              0        0       0
                component health: 4 failing results, 3 of them from checks that never accompanied a page
                """);
    }

    @Test
    void shouldPrintTheSameBytesEveryTimeWhateverTheFileLayout() throws IOException {
        List<String> lines = incident();
        Path mixed = write("mixed.jsonl", lines);
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(7));
        Path requests = write("requests.jsonl", shuffled.stream().filter(l -> !l.contains("\"check\"")).toList());
        Path health = write("health.jsonl", shuffled.stream().filter(l -> l.contains("\"check\"")).toList());

        String[] first = replay(List.of(mixed), Optional.empty(), Optional.empty());
        String[] second = replay(List.of(mixed), Optional.empty(), Optional.empty());
        String[] split = replay(List.of(health, requests), Optional.empty(), Optional.empty());

        assertThat(first[0]).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(split[0]).as("sorted into event time, the same stream").isEqualTo(first[0]);
    }

    @Test
    void shouldReplayOnlyTheRangeAsked() throws IOException {
        Path recorded = write("incident.jsonl", incident());

        String[] out = replay(List.of(recorded), Optional.of(START.plus(Duration.ofMinutes(60))), Optional.of(START.plus(Duration.ofMinutes(125))));

        assertThat(alerts(out[0])).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.FIRING);
        // the broken lines take the time of the line before them in their file, a disk check at 00:32: outside too
        assertThat(out[1]).startsWith("replay: 368 events read, 131 replayed (237 outside --from/--to), 0 invalid, 0 late");
    }

    @Test
    void shouldReplayEachSeriesOfASplitSloAloneTheSameEveryTime() throws IOException {
        Path inOrder = write("recorded.jsonl", regionalIncident());
        List<String> reversed = new ArrayList<>(regionalIncident());
        Collections.reverse(reversed);
        Path backwards = write("reversed.jsonl", reversed);

        String[] first = replay(SHOP_BY_REGION, List.of(inOrder), Optional.empty(), Optional.empty());
        String[] again = replay(SHOP_BY_REGION, List.of(inOrder), Optional.empty(), Optional.empty());
        String[] otherLayout = replay(SHOP_BY_REGION, List.of(backwards), Optional.empty(), Optional.empty());

        List<Alert> alerts = alerts(first[0]);
        assertThat(alerts).extracting(Alert::severity, Alert::state).containsExactly(
                tuple(Severity.PAGE, AlertState.FIRING), tuple(Severity.TICKET, AlertState.FIRING),
                tuple(Severity.PAGE, AlertState.RESOLVED));
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.labels()).containsEntry("region", "eu-west");
            assertThat(alert.id()).startsWith("checkout-availability{region=\"eu-west\"}/");
        });
        assertThat(again).isEqualTo(first);
        assertThat(otherLayout[0]).as("sorted into event time, the same stream").isEqualTo(first[0]);
        assertThat(first[1]).contains("checkout-availability       1        1       0");
    }
}
