package dev.slopipeline.router.oncall.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's word on an incident, on its way to the one task that owns the incident.
 *
 * @param slo     the incident's SLO: the record key, so the command reaches the partition of the SLO's alerts
 * @param at      when the person acted (the API's clock): times to acknowledge are measured to it
 * @param comment a remark for the timeline
 * @param token   the name of the API token that sent it ("ack link" for a page's signed link), for the audit trail;
 *                empty in commands from before tokens had names
 */
public record IncidentCommand(Action action, String incident, String slo, String by, Optional<String> comment, Instant at,
                              Optional<String> token) {

    public IncidentCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(token, "token");
        if (by.isBlank()) {
            throw new IllegalArgumentException("\"by\" must name who " + action.wireName() + "s the incident");
        }
    }

    public IncidentCommand(Action action, String incident, String slo, String by, Optional<String> comment, Instant at) {
        this(action, incident, slo, by, comment, at, Optional.empty());
    }

    public enum Action {
        ACKNOWLEDGE, RESOLVE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> fromWireName(String text) {
            for (Action action : values()) {
                if (action.wireName().equals(text)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }
}
