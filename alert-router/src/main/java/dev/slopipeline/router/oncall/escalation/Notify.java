package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.router.oncall.schedule.Contact;
import java.time.Instant;
import java.util.Objects;

/**
 * Deliver one notification to one contact of one person. Incident, instant, user, contact and reason
 * identify it, for the dispatcher's idempotency key.
 *
 * @param level the escalation level the person is paged at, counted from 1; for the all-clear, the
 *     level they were last paged at
 */
public record Notify(String incident, Instant at, String user, Contact contact, int level, NotifyReason reason) implements Effect {

    public Notify {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(reason, "reason");
    }
}
