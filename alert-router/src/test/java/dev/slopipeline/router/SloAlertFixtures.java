package dev.slopipeline.router;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SLO alert transitions as the streams app writes them to {@code slo.alerts}, for the router's integration tests. */
public final class SloAlertFixtures {

    private SloAlertFixtures() {
    }

    /** A transition of the checkout journey's SLO, with burn figures that do not matter to routing. */
    public static Alert alert(String slo, String service, Severity severity, AlertState state, Instant startedAt,
                              Instant at, Map<String, String> labels) {
        return new Alert(Alert.id(slo, severity, startedAt), slo, service, "checkout", severity, state, at, startedAt,
                new Alert.Windows(Duration.ofHours(1), Duration.ofMinutes(5)), new Alert.BurnRate(20.1, 35.2), 14.4,
                state == AlertState.FIRING ? List.of("page-fast") : List.of(), 0.83, null, new TreeMap<>(labels),
                Map.of(), List.of(), List.of());
    }
}
