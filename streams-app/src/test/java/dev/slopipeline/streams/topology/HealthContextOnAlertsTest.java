package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component health never pages by itself; it rides on the alerts of the journeys whose services it concerns. */
class HealthContextOnAlertsTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private static final String LOGIN = """
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: login-availability}
            spec:
              service: storefront
              journey: login
              indicator:
                source: health
                match:
                  - {service: login, check: synthetic-login}
                warn: bad
              objective: 99
              window: 7d
            """;

    private static void healthyHour(Pipeline pipeline) {
        for (int minute = 0; minute < 60; minute++) {
            pipeline.request(START.plus(Duration.ofMinutes(minute)), "checkout-api", "POST /checkout", 200, 1000);
        }
    }

    private static List<Alert> outage(Pipeline pipeline, int minutes) {
        for (int minute = 60; minute < 60 + minutes; minute++) {
            pipeline.request(START.plus(Duration.ofMinutes(minute)), "payments", "POST /charge/visa", 503, 1000);
        }
        return pipeline.alerts();
    }

    @Test
    void shouldAttachTheFailingChecksOfCoveredServicesToThePage() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            healthyHour(pipeline);
            Instant before = START.plus(Duration.ofMinutes(55));
            pipeline.health(before, "payments", "db-ping", HealthStatus.FAIL, "db-2");
            pipeline.health(before.plusSeconds(1), "payments", "db-ping", HealthStatus.PASS, "db-1");
            pipeline.health(before.plusSeconds(2), "payments", "queue-depth", HealthStatus.WARN, null);
            pipeline.health(before.plusSeconds(3), "search-db", "db-ping", HealthStatus.FAIL, "db-9");
            pipeline.health(START.plus(Duration.ofMinutes(10)), "checkout-api", "disk", HealthStatus.FAIL, "host-3");

            Alert page = outage(pipeline, 1).get(0);

            assertThat(page.severity()).isEqualTo(Severity.PAGE);
            // not: the passing check, a service no matcher names, a result older than the 10 minutes kept
            assertThat(page.context()).containsExactly(
                    new Alert.Context("payments", "db-ping", HealthStatus.FAIL, "db-2", before),
                    new Alert.Context("payments", "queue-depth", HealthStatus.WARN, null, before.plusSeconds(2)));
        }
    }

    @Test
    void shouldShowTheLatestResultOfACheck() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            healthyHour(pipeline);
            pipeline.health(START.plus(Duration.ofMinutes(57)), "payments", "db-ping", HealthStatus.FAIL, "db-2");
            pipeline.health(START.plus(Duration.ofMinutes(58)), "payments", "db-ping", HealthStatus.PASS, "db-2");

            assertThat(outage(pipeline, 1).get(0).context()).isEmpty();
        }
    }

    @Test
    void shouldNeverPageForAComponentCheckAlone() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT))) {
            healthyHour(pipeline);
            for (int second = 0; second < 3600; second += 10) {
                pipeline.health(START.plus(Duration.ofMinutes(60)).plusSeconds(second), "payments", "db-ping", HealthStatus.FAIL, "db-2");
            }
            pipeline.runWallClockTo(START.plus(Duration.ofHours(3)));

            assertThat(pipeline.alerts()).isEmpty();
        }
    }

    @Test
    void shouldCountASyntheticProbeThatIsAnIndicator() {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(Shop.CHECKOUT, LOGIN))) {
            for (int minute = 0; minute < 120; minute++) {
                HealthStatus result = minute < 60 ? HealthStatus.PASS : HealthStatus.WARN;
                pipeline.health(START.plus(Duration.ofMinutes(minute)), "login", "synthetic-login", result, null);
            }

            List<Alert> alerts = pipeline.alerts();
            assertThat(alerts).isNotEmpty().allSatisfy(alert -> assertThat(alert.slo()).isEqualTo("login-availability"));
            assertThat(alerts.get(0).state()).isEqualTo(AlertState.FIRING);
            assertThat(alerts.get(0).annotations().get("summary")).contains("probes fail");
        }
    }
}
