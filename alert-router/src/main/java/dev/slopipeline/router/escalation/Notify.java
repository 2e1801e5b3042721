package dev.slopipeline.router.escalation;

import dev.slopipeline.router.schedule.Contact;
import java.util.Objects;

/**
 * Deliver one notification to one contact of one person.
 *
 * @param level the escalation level the person is paged at, counted from 1; for the all-clear, the
 *     level they were last paged at
 */
public record Notify(String incident, String user, Contact contact, int level, NotifyReason reason) implements Effect {

    public Notify {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(reason, "reason");
    }
}
