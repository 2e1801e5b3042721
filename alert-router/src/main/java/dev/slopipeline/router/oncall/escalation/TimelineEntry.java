package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.router.oncall.schedule.ContactType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One step in the life of an incident, for its timeline and for page-load figures ({@link PageLoad}).
 * {@link #describe()} is the line a person reads.
 */
public sealed interface TimelineEntry extends Effect {

    /**
     * A timer is fired every few seconds; one fired later than this was missed because the router was
     * not running.
     */
    Duration LATE_AFTER = Duration.ofMinutes(1);

    Instant at();

    String describe();

    private static String lateness(Instant at, Instant dueAt) {
        return Duration.between(dueAt, at).compareTo(LATE_AFTER) > 0 ? " (due at " + dueAt + ", router was down)" : "";
    }

    record Triggered(String incident, Instant at, String policy, PagingMode mode) implements TimelineEntry {

        public Triggered {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public String describe() {
            return "triggered at " + at + ", escalation policy \"" + policy + "\""
                    + (mode == PagingMode.PRIMARY_ONLY ? ", first level only" : "");
        }
    }

    /** @param schedule the schedule that had the person on call, if they were paged through one */
    record Notified(String incident, Instant at, String user, Optional<String> schedule, int level,
                    NotifyReason reason, List<ContactType> via) implements TimelineEntry {

        public Notified {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(reason, "reason");
            via = List.copyOf(via);
        }

        @Override
        public String describe() {
            return "notified " + user + schedule.map(s -> " (on call for \"" + s + "\")").orElse("")
                    + " at level " + level + " through " + via.stream().map(ContactType::wireName).collect(Collectors.joining(", "))
                    + " at " + at + ": " + reason.wireName();
        }
    }

    record NobodyOnCall(String incident, Instant at, int level, String schedule) implements TimelineEntry {

        public NobodyOnCall {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(schedule, "schedule");
        }

        @Override
        public String describe() {
            return "nobody on call for \"" + schedule + "\" at level " + level + " at " + at;
        }
    }

    /** @param dueAt when the delay ran out; empty when the level was passed over because it had nobody to page */
    record Escalated(String incident, Instant at, int fromLevel, int toLevel, int round, Optional<Instant> dueAt)
            implements TimelineEntry {

        public Escalated {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        @Override
        public String describe() {
            String target = "escalated to level " + toLevel + (toLevel == 1 ? " (round " + round + ")" : "") + " at " + at;
            return dueAt.map(due -> target + lateness(at, due))
                    .orElse(target + ": nobody to page at level " + fromLevel);
        }
    }

    /** @param token the name of the API token it came with, for the audit trail; empty when unknown */
    record Acknowledged(String incident, Instant at, String by, Optional<String> token) implements TimelineEntry {

        public Acknowledged {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(token, "token");
        }

        public Acknowledged(String incident, Instant at, String by) {
            this(incident, at, by, Optional.empty());
        }

        @Override
        public String describe() {
            return "acknowledged by " + by + " at " + at;
        }
    }

    /** The acknowledgement timed out with the incident unresolved: paging starts again from level 1. */
    record Retriggered(String incident, Instant at, String ackedBy, Instant ackedAt, Instant dueAt) implements TimelineEntry {

        public Retriggered {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(ackedBy, "ackedBy");
            Objects.requireNonNull(ackedAt, "ackedAt");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        @Override
        public String describe() {
            return "triggered again at " + at + lateness(at, dueAt) + ": acknowledged by " + ackedBy + " at " + ackedAt
                    + " but still not resolved";
        }
    }

    /**
     * @param by    who resolved it; empty when the SLO recovered
     * @param token the name of the API token it came with, for the audit trail; empty when unknown or none
     */
    record Resolved(String incident, Instant at, Optional<String> by, Optional<String> token) implements TimelineEntry {

        public Resolved {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(token, "token");
        }

        public Resolved(String incident, Instant at, Optional<String> by) {
            this(incident, at, by, Optional.empty());
        }

        @Override
        public String describe() {
            return by.map(person -> "resolved by " + person + " at " + at).orElse("resolved at " + at + ": the SLO recovered");
        }
    }

    /** A remark someone left with an acknowledgement or a resolution, for the postmortem. */
    record Comment(String incident, Instant at, String by, String text) implements TimelineEntry {

        public Comment {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return by + " at " + at + ": " + text;
        }
    }
}
