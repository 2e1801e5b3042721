package dev.slopipeline.router.delivery.pagerduty;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps our alert severities onto PagerDuty's four. PagerDuty's default urgency rules page for critical and error and
 * wait for warning and info, so a ticket must land on warning to stay out of the night.
 */
final class PagerDutySeverity {

    private static final Set<String> NATIVE = Set.of("critical", "error", "warning", "info");

    private PagerDutySeverity() {
    }

    /** A configured severity when it is one of PagerDuty's four (any case); empty otherwise, so the mapping applies. */
    static Optional<String> override(Optional<String> configured) {
        return configured.map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(NATIVE::contains);
    }

    static String of(Optional<String> severity) {
        String value = severity.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        switch (value) {
            case "page":
                return "critical";
            case "ticket":
                return "warning";
            case "notify":
                return "info";
            default:
                // An alert already labelled in PagerDuty's terms keeps them; an unknown one still reaches a human.
                return NATIVE.contains(value) ? value : "error";
        }
    }
}
