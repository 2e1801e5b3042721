package dev.slopipeline.router.oncall.incident;

import dev.slopipeline.router.oncall.escalation.IncidentState;
import dev.slopipeline.router.oncall.escalation.Step;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page-worthy episode of an SLO, from the first page to its resolution: what the alert said, where its escalation
 * stands, and everything that happened, in order. Immutable; {@link #after(Step)} gives the next version.
 *
 * @param labels     the labels of the alert that opened it, copied into every notification it sends
 * @param receiver   the receiver whose escalation policy it follows
 * @param escalation the escalation state machine's state
 * @param level      the escalation level paged last (1 before anyone was paged)
 * @param notified   everyone paged so far, in the order first paged
 * @param timeline   every step, oldest first; at most {@link #TIMELINE_LIMIT} (the first is always kept)
 */
public record Incident(String id, String slo, String severity, String service, Optional<String> team, String summary,
                       Map<String, String> labels, String receiver, IncidentState escalation, int level,
                       List<String> notified, List<TimelineEntry> timeline) {

    /** Enough for a day of five-minute reminders; older steps (but the trigger) give way to newer ones. */
    public static final int TIMELINE_LIMIT = 1000;

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(summary, "summary");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(escalation, "escalation");
        notified = List.copyOf(notified);
        timeline = List.copyOf(timeline);
    }

    /** The three states the API shows. */
    public enum State {
        TRIGGERED, ACKNOWLEDGED, RESOLVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public State state() {
        IncidentState.Phase phase = escalation.phase();
        if (phase instanceof IncidentState.Resolved) {
            return State.RESOLVED;
        }
        return phase instanceof IncidentState.Acknowledged ? State.ACKNOWLEDGED : State.TRIGGERED;
    }

    public boolean open() {
        return state() != State.RESOLVED;
    }

    public String policy() {
        return escalation.policy();
    }

    public Instant triggeredAt() {
        return escalation.openedAt();
    }

    /**
     * The acknowledgement that holds, or held when the incident was resolved; empty when nobody acknowledged since
     * the incident was last (re)triggered.
     */
    public Optional<TimelineEntry.Acknowledged> acknowledgement() {
        TimelineEntry.Acknowledged last = null;
        for (TimelineEntry entry : timeline) {
            if (entry instanceof TimelineEntry.Acknowledged acknowledged) {
                last = last == null ? acknowledged : last;
            } else if (entry instanceof TimelineEntry.Retriggered) {
                last = null;
            }
        }
        return Optional.ofNullable(last);
    }

    /** When and by whom it was resolved; {@code by} is empty when the SLO recovered. */
    public Optional<IncidentState.Resolved> resolution() {
        return escalation.phase() instanceof IncidentState.Resolved resolved ? Optional.of(resolved) : Optional.empty();
    }

    /** The incident once the step is applied: its state stored, its timeline entries appended, its pages counted. */
    public Incident after(Step step) {
        List<String> everyone = new ArrayList<>(new LinkedHashSet<>(notified));
        int lastLevel = level;
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        for (TimelineEntry entry : step.timeline()) {
            entries.add(entry);
            if (entry instanceof TimelineEntry.Notified page && page.reason().isPage()) {
                lastLevel = page.level();
                if (!everyone.contains(page.user())) {
                    everyone.add(page.user());
                }
            }
        }
        return new Incident(id, slo, severity, service, team, summary, labels, receiver, step.state(), lastLevel,
                everyone, bounded(entries));
    }

    /** The incident with a remark appended to its timeline. */
    public Incident with(TimelineEntry entry) {
        List<TimelineEntry> entries = new ArrayList<>(timeline);
        entries.add(entry);
        return new Incident(id, slo, severity, service, team, summary, labels, receiver, escalation, level, notified,
                bounded(entries));
    }

    private static List<TimelineEntry> bounded(List<TimelineEntry> entries) {
        if (entries.size() <= TIMELINE_LIMIT) {
            return entries;
        }
        List<TimelineEntry> kept = new ArrayList<>(TIMELINE_LIMIT);
        kept.add(entries.get(0));
        kept.addAll(entries.subList(entries.size() - TIMELINE_LIMIT + 1, entries.size()));
        return kept;
    }
}
