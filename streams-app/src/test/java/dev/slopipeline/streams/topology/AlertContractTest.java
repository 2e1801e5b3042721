package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** A page as the router reads it from {@code slo.alerts}: the contract's fields, filled for a person on call. */
class AlertContractTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void shouldTellTheJourneyTheBurnTheBudgetTheSourcesAndTheContext() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            for (int minute = 0; minute < 60; minute++) {
                pipeline.request(START.plus(Duration.ofMinutes(minute)).plusMillis(250), "checkout-api", "POST /checkout", 200, 1000);
            }
            Instant outage = START.plus(Duration.ofMinutes(60));
            pipeline.health(outage.minusSeconds(30), "payments", "db-ping", HealthStatus.FAIL, "db-2");
            pipeline.request(outage.plusMillis(250), "checkout-api", "POST /checkout", 200, 1000);
            pipeline.request(outage.plusSeconds(2), "payments", "POST /charge/amex", 503, 300);
            pipeline.request(outage.plusSeconds(3).plusMillis(500), "payments", "POST /charge/visa", 503, 600);

            // the tickets' lower thresholds fire first, at the amex record; the page follows with visa's
            TestRecord<String, byte[]> record = pipeline.alertRecords().stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"severity\":\"page\""))
                    .findFirst().orElseThrow();
            Alert page = ((Decoded.Ok<Alert>) Pipeline.ALERTS.decode(record.value())).value();

            assertThat(record.key()).isEqualTo("checkout-availability");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith(
                    "{\"id\":\"checkout-availability/page/2026-03-02T01:00:03Z\",\"slo\":\"checkout-availability\"");
            assertThat(record.timestamp()).isEqualTo(page.at().toEpochMilli());
            assertThat(page.id()).isEqualTo("checkout-availability/page/2026-03-02T01:00:03Z");
            assertThat(page.service()).isEqualTo("storefront");
            assertThat(page.journey()).isEqualTo("checkout");
            assertThat(page.severity()).isEqualTo(Severity.PAGE);
            assertThat(page.state()).isEqualTo(AlertState.FIRING);
            assertThat(page.at()).as("whole seconds").isEqualTo(Instant.parse("2026-03-02T01:00:03Z"));
            assertThat(page.startedAt()).isEqualTo(page.at());
            assertThat(page.windows()).isEqualTo(new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)));
            // the hour (00:01 to 01:00) holds 59 000 + 1000 good and 900 bad events; the 5 minutes 4000 + 1000 and 900
            assertThat(page.burnRate().longWindow()).isCloseTo(900.0 / 60_900 / 0.001, within(1e-9));
            assertThat(page.burnRate().shortWindow()).isCloseTo(900.0 / 5_900 / 0.001, within(1e-9));
            assertThat(page.threshold()).isCloseTo(14.4, within(1e-9));
            assertThat(page.pairs()).containsExactly("page-fast", "page-slow");
            // the 30-day window holds all 61 minutes: its budget is overspent, and runs out now
            assertThat(page.budgetRemaining()).isCloseTo(1 - 900.0 / 61_900 / 0.001, within(1e-9));
            assertThat(page.exhaustionAt()).isEqualTo(page.at());
            assertThat(page.labels()).containsExactly(
                    Map.entry("slo", "checkout-availability"), Map.entry("service", "storefront"), Map.entry("journey", "checkout"),
                    Map.entry("severity", "page"), Map.entry("owner", "team-shop"), Map.entry("tier", "1"), Map.entry("team", "payments"));
            assertThat(page.annotations()).containsOnlyKeys("summary", "description", "runbook");
            assertThat(page.annotations().get("summary")).isEqualTo("Customers can pay for their cart is failing: 15.3 % of "
                    + "checkout requests fail (5m); the 30-day error budget burns 14.8× too fast (budget left 0 %)");
            assertThat(page.annotations().get("runbook")).isEqualTo("https://runbooks.example/storefront");
            assertThat(page.contributors()).containsExactly(
                    new Alert.Contributor("payments", "POST /charge/visa", 600), new Alert.Contributor("payments", "POST /charge/amex", 300));
            assertThat(page.context()).containsExactly(
                    new Alert.Context("payments", "db-ping", HealthStatus.FAIL, "db-2", outage.minusSeconds(30)));
        }
    }
}
