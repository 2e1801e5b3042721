package dev.slopipeline.router.oncall.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one command or tick: the state to store (always store it, even when there is no
 * effect), what to do, and a line for whoever sent the command (the acknowledge API answers with it).
 */
public record Step(IncidentState state, List<Effect> effects, String message) {

    public Step {
        Objects.requireNonNull(state, "state");
        effects = List.copyOf(effects);
        Objects.requireNonNull(message, "message");
    }

    /** When to tick the incident next: schedule a punctuation for it. */
    public Optional<Instant> nextDue() {
        return state.nextDue();
    }

    public List<Notify> notifications() {
        return effects.stream().filter(Notify.class::isInstance).map(Notify.class::cast).toList();
    }

    public List<TimelineEntry> timeline() {
        return effects.stream().filter(TimelineEntry.class::isInstance).map(TimelineEntry.class::cast).toList();
    }
}
