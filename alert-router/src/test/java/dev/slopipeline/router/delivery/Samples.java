package dev.slopipeline.router.delivery;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.Acknowledgement;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alert groups as the router would hand them over: the checkout journey burning its budget. */
public final class Samples {

    public static final String GROUP_KEY = "{}:{journey=\"checkout\"}";
    public static final URI EXTERNAL_URL = URI.create("https://router.example");
    public static final URI ACK_URL = URI.create("https://router.example/ack/g-42");
    public static final String RUNBOOK = "https://runbooks.example/storefront";
    public static final Instant STARTED = Instant.parse("2026-11-23T10:04:00Z");
    public static final Instant ENDED = Instant.parse("2026-11-23T11:30:00Z");

    private Samples() {
    }

    public static Alert availability(AlertState status) {
        return new Alert(status,
                Map.of("alertname", "SLOBurnRate", "slo", "checkout-availability", "journey", "checkout",
                        "service", "storefront", "severity", "page", "window", "1h"),
                Map.of("burn_rate", "20.1", "budget_remaining", "0.83"),
                STARTED, status == AlertState.RESOLVED ? ENDED : null,
                URI.create("https://slo.example/slo/checkout-availability"), "5f0e1c6a2b9d4e11");
    }

    public static Alert latency(AlertState status) {
        return new Alert(status,
                Map.of("alertname", "SLOBurnRate", "slo", "checkout-latency", "journey", "checkout",
                        "service", "storefront", "severity", "page", "window", "6h"),
                Map.of("burn_rate", "7.2", "budget_remaining", "0.91"),
                STARTED.plusSeconds(120), status == AlertState.RESOLVED ? ENDED : null,
                null, "9a8b7c6d5e4f3021");
    }

    public static Notification firing(String idempotencyKey) {
        return group(idempotencyKey, "team-shop", List.of(availability(AlertState.FIRING),
                latency(AlertState.FIRING)), null);
    }

    public static Notification resolved(String idempotencyKey) {
        return group(idempotencyKey, "team-shop", List.of(availability(AlertState.RESOLVED),
                latency(AlertState.RESOLVED)), null);
    }

    public static Notification group(String idempotencyKey, String receiver, List<Alert> alerts,
                                     Acknowledgement acknowledgement) {
        return new Notification(idempotencyKey, receiver, GROUP_KEY, alerts,
                Map.of("journey", "checkout"),
                Map.of("alertname", "SLOBurnRate", "journey", "checkout", "service", "storefront", "severity", "page"),
                Map.of("summary", "Users cannot check out", "runbook_url", RUNBOOK),
                EXTERNAL_URL, ACK_URL, acknowledgement);
    }
}
