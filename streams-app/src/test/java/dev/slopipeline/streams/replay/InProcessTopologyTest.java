package dev.slopipeline.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.DefinitionSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay runs the topology's processors in process; the proof that this is the topology: the same recorded
 * events through the real topology in Kafka's {@code TopologyTestDriver} give the same bytes.
 */
class InProcessTopologyTest {

    private static final Instant START = Instant.parse("2026-05-04T00:00:00Z");
    private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south", "sa-east");
    /** The shop with a cart SLO split by region into at most three series. */
    private static final DefinitionSet SHOP = RecordedShop.definitions(RecordedShop.YAML + """
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: cart-by-region}
            spec:
              service: storefront
              indicator:
                match: [{service: cart-api}]
                good: {status: {below: 500}}
              objective: 99.5
              window: 7d
              groupBy: [region]
              maxSeries: 3
            """);

    @TempDir
    Path folder;

    @Test
    void shouldPrintTheSameBytesAsTheTopologyInKafkasTestDriver() throws IOException {
        Path recorded = Files.write(folder.resolve("three-days.jsonl"), threeDays(new Random(11)));

        String[] inProcess = replay(recorded, InProcessTopology::new);
        String[] driver = replay(recorded, DriverTopology::new);

        List<Alert> alerts = RecordedShop.alerts(inProcess[0]);
        assertThat(alerts).as("outages page, and pages resolve").extracting(Alert::state)
                .contains(AlertState.FIRING, AlertState.RESOLVED);
        assertThat(alerts).extracting(Alert::slo).contains("checkout-availability", "search-latency", "cart-by-region");
        assertThat(inProcess[1]).as("the summary counts broken lines").doesNotContain(" 0 invalid");
        assertThat(inProcess[0]).isEqualTo(driver[0]);
        assertThat(inProcess[1]).isEqualTo(driver[1]);
    }

    private static String[] replay(Path recorded, Replay.Runner runner) throws IOException {
        ByteArrayOutputStream alerts = new ByteArrayOutputStream();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        Replay.run(new Replay.Options(SHOP, List.of(recorded), Optional.empty(), Optional.empty()),
                new PrintStream(alerts, true, StandardCharsets.UTF_8), new PrintStream(summary, true, StandardCharsets.UTF_8), runner);
        return new String[] {alerts.toString(StandardCharsets.UTF_8), summary.toString(StandardCharsets.UTF_8)};
    }

    /**
     * Three days, a minute at a time, every SLO with traffic of its own: outages of random length now and then,
     * silences long enough for the wall clock to judge SLOs without input, regions beyond the split SLO's
     * {@code maxSeries}, failing health checks and broken lines.
     */
    private static List<String> threeDays(Random random) {
        List<String> lines = new ArrayList<>();
        int checkoutOutage = 0;
        int searchOutage = 0;
        int silence = 0;
        for (int minute = 0; minute < 3 * 24 * 60; minute++) {
            Instant time = START.plus(Duration.ofMinutes(minute));
            checkoutOutage = Math.max(0, random.nextInt(400) == 0 ? 5 + random.nextInt(40) : checkoutOutage - 1);
            searchOutage = Math.max(0, random.nextInt(600) == 0 ? 20 + random.nextInt(60) : searchOutage - 1);
            silence = Math.max(0, random.nextInt(900) == 0 ? 3 + random.nextInt(30) : silence - 1);
            if (silence > 0) {
                continue;
            }
            lines.add(RecordedShop.request(time.plusSeconds(random.nextInt(60)), checkoutOutage > 0 ? "payments" : "checkout-api",
                    checkoutOutage > 0 ? "POST /charge/visa" : "POST /checkout", checkoutOutage > 0 ? 502 : 200,
                    RequestEvent.NO_LATENCY, 200 + random.nextInt(800), Map.of()));
            lines.add(RecordedShop.request(time.plusSeconds(random.nextInt(60)), "search-api", "GET /search", 200,
                    searchOutage > 0 ? 900 : 40 + random.nextInt(100), 50, Map.of()));
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            boolean regionDown = region.equals("us-east") && minute % 1440 >= 600 && minute % 1440 < 640;
            lines.add(RecordedShop.request(time.plusSeconds(random.nextInt(60)), "cart-api", "PUT /cart", regionDown ? 503 : 200,
                    RequestEvent.NO_LATENCY, 100, Map.of("region", region)));
            if (random.nextInt(200) == 0) {
                lines.add(RecordedShop.health(time, random.nextBoolean() ? "payments" : "search-db", "db-ping", HealthStatus.FAIL, "db-1"));
            }
            if (random.nextInt(1000) == 0) {
                lines.add("{\"timestamp\":\"" + time + "\",\"service\":\"checkout-api\",\"status\":\"two hundred\"}");
            }
        }
        return lines;
    }
}
