package dev.slopipeline.streams.replay;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertCodec;
import dev.slopipeline.definitions.event.EventCodec;
import dev.slopipeline.definitions.event.HealthEvent;
import dev.slopipeline.definitions.event.HealthStatus;
import dev.slopipeline.definitions.event.RequestEvent;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.kit.result.Decoded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shop whose events the replay tests record, and how its events and alerts are written as lines. */
final class RecordedShop {

    private static final EventCodec EVENTS = new EventCodec();

    /** A storefront with checkout availability (99.9 % over 30 days) and search latency (99 % over 7 days). */
    static final String YAML = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: storefront}
            spec: {owner: team-shop, tier: 1}
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: checkout-availability}
            spec:
              service: storefront
              journey: checkout
              indicator:
                match:
                  - {service: checkout-api, operation: "POST /checkout"}
                  - {service: payments, operation: {regex: "POST /charge.*"}}
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
            ---
            apiVersion: slo-pipeline/v1
            kind: SLO
            metadata: {name: search-latency}
            spec:
              service: storefront
              indicator:
                match: [{service: search-api}]
                good: {latency_ms: {atMost: 300}}
              objective: 99
              window: 7d
            """;

    private RecordedShop() {
    }

    static DefinitionSet definitions(String yaml) {
        return Definitions.loadTexts(Map.of("shop.yaml", yaml)).definitions();
    }

    static String request(Instant time, String service, String operation, int status, double latencyMs, long count,
                          Map<String, String> attributes) {
        return new String(EVENTS.encode(new RequestEvent(time, service, operation, status, latencyMs, count, attributes)),
                StandardCharsets.UTF_8);
    }

    static String health(Instant time, String service, String check, HealthStatus status, String target) {
        return new String(EVENTS.encode(new HealthEvent(time, service, check, status, RequestEvent.NO_LATENCY, target, Map.of())),
                StandardCharsets.UTF_8);
    }

    /** The alert transitions a replay printed. */
    static List<Alert> alerts(String stdout) {
        AlertCodec codec = new AlertCodec();
        return stdout.lines().map(line -> ((Decoded.Ok<Alert>) codec.decode(line.getBytes(StandardCharsets.UTF_8))).value()).toList();
    }
}
