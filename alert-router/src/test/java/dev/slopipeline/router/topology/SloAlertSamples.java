package dev.slopipeline.router.topology;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** SLO alert transitions as the streams app publishes them on slo.alerts. */
final class SloAlertSamples {

    private SloAlertSamples() {
    }

    static Alert firing(String slo, Severity severity, Map<String, String> labels, Instant at) {
        return alert(slo, severity, AlertState.FIRING, labels, at, at);
    }

    static Alert resolved(String slo, Severity severity, Map<String, String> labels, Instant startedAt, Instant at) {
        return alert(slo, severity, AlertState.RESOLVED, labels, startedAt, at);
    }

    private static Alert alert(String slo, Severity severity, AlertState state, Map<String, String> labels,
                               Instant startedAt, Instant at) {
        return new Alert(Alert.id(slo, severity, startedAt), slo, "storefront", "checkout", severity, state, at,
                startedAt, new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)), new Alert.BurnRate(20.1, 35.2),
                14.4, state == AlertState.FIRING ? List.of("page-fast") : List.of(), 0.83, null, labels,
                Map.of("runbook", "https://runbooks.example/checkout"), List.of(), List.of());
    }
}
