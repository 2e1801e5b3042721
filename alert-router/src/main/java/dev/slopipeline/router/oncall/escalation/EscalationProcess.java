package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.router.oncall.escalation.IncidentState.Acknowledged;
import dev.slopipeline.router.oncall.escalation.IncidentState.Escalating;
import dev.slopipeline.router.oncall.escalation.IncidentState.Phase;
import dev.slopipeline.router.oncall.escalation.IncidentState.Resolved;
import dev.slopipeline.router.oncall.schedule.Contact;
import dev.slopipeline.router.oncall.schedule.OnCall;
import dev.slopipeline.router.oncall.schedule.OnCallConfig;
import dev.slopipeline.router.oncall.schedule.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation of incidents under one policy, as a pure state machine: each command takes the
 * stored state and the time, and returns the next state with its effects. It never reads a clock, so
 * a test (or a replay) drives it with any instants it likes.
 *
 * <p>A timer found overdue (the router was down) fires once, at once, and the delay of the level it
 * pages starts from then: people paged late get their full time to answer, and a long outage does not
 * page every level in the same second.
 *
 * <p>A level with nobody to page (its schedules have nobody on call, say outside their restrictions) is
 * passed over at once, as PagerDuty does, rather than holding the page back for its delay.
 */
public final class EscalationProcess {

    private final EscalationPolicy policy;
    private final OnCallConfig onCall;

    public EscalationProcess(EscalationPolicy policy, OnCallConfig onCall) {
        this.policy = policy;
        this.onCall = onCall;
    }

    /** Opens an incident and pages level 1. */
    public Step trigger(String incident, PagingMode mode, Instant now) {
        Command command = new Command(incident, mode, now, now, Map.of());
        command.effects.add(new TimelineEntry.Triggered(incident, now, policy.name(), mode));
        Escalating phase = command.enter(new Position(1, 1), NotifyReason.TRIGGERED);
        return command.step(phase, "triggered; " + command.pagedSummary());
    }

    /** Fires whatever timer is due: escalation to the next level, a reminder, or the end of an acknowledgement. */
    public Step tick(IncidentState state, Instant now) {
        checkPolicy(state);
        Command command = new Command(state, now);
        Phase phase = state.phase();
        if (phase instanceof Escalating escalating) {
            if (isDue(escalating.escalateAt(), now)) {
                return escalate(command, escalating, escalating.escalateAt().orElseThrow());
            }
            if (isDue(escalating.remindAt(), now)) {
                command.page(escalating.level(), NotifyReason.REMINDER);
                Escalating next = new Escalating(escalating.level(), escalating.round(), escalating.escalateAt(),
                        policy.level(escalating.level()).reminder().map(now::plus));
                return command.step(next, "reminded level " + escalating.level() + "; " + command.pagedSummary());
            }
        } else if (phase instanceof Acknowledged acknowledged && isDue(acknowledged.timeoutAt(), now)) {
            command.effects.add(new TimelineEntry.Retriggered(state.incident(), now, acknowledged.by(), acknowledged.at(),
                    acknowledged.timeoutAt().orElseThrow()));
            Escalating next = command.enter(new Position(1, 1), NotifyReason.RETRIGGERED);
            return command.step(next, "the acknowledgement by " + acknowledged.by() + " timed out; " + command.pagedSummary());
        }
        return new Step(state, List.of(), "nothing due" + state.nextDue().map(due -> " before " + due).orElse(""));
    }

    /** Stops the paging until the acknowledgement times out. Acknowledging again changes nothing. */
    public Step acknowledge(IncidentState state, String by, Instant now) {
        return acknowledge(state, by, Optional.empty(), now);
    }

    /** @param token the name of the API token the acknowledgement came with, for the timeline */
    public Step acknowledge(IncidentState state, String by, Optional<String> token, Instant now) {
        checkPolicy(state);
        Phase phase = state.phase();
        if (phase instanceof Acknowledged acknowledged) {
            return new Step(state, List.of(), "already acknowledged by " + acknowledged.by() + " at " + acknowledged.at());
        }
        if (phase instanceof Resolved resolved) {
            return new Step(state, List.of(), "already resolved (" + describe(resolved) + "): nothing to acknowledge");
        }
        Command command = new Command(state, now);
        Acknowledged next = new Acknowledged(by, now, policy.ackTimeout().map(now::plus));
        command.effects.add(new TimelineEntry.Acknowledged(state.incident(), now, by, token));
        return command.step(next, "acknowledged by " + by
                + next.timeoutAt().map(timeout -> "; paging starts again at " + timeout + " unless it is resolved").orElse(""));
    }

    /**
     * Closes the incident and tells everyone who was paged.
     *
     * @param by who resolved it; empty when the SLO recovered
     */
    public Step resolve(IncidentState state, Optional<String> by, Instant now) {
        return resolve(state, by, Optional.empty(), now);
    }

    /** @param token the name of the API token the resolution came with, for the timeline */
    public Step resolve(IncidentState state, Optional<String> by, Optional<String> token, Instant now) {
        checkPolicy(state);
        if (state.phase() instanceof Resolved resolved) {
            return new Step(state, List.of(), "already resolved (" + describe(resolved) + ")");
        }
        Command command = new Command(state, now);
        Resolved next = new Resolved(now, by);
        command.effects.add(new TimelineEntry.Resolved(state.incident(), now, by, token));
        state.paged().forEach((user, level) -> command.notify(user, Optional.empty(), level, NotifyReason.RESOLVED));
        return command.step(next, "resolved (" + describe(next) + "); told " + String.join(", ", state.paged().keySet()));
    }

    private Step escalate(Command command, Escalating from, Instant dueAt) {
        Optional<Position> next = successor(new Position(from.level(), from.round()), command.mode);
        if (next.isEmpty()) {
            // the policy lost its later levels in a reload: there is nothing left to escalate to
            Escalating stay = new Escalating(from.level(), from.round(), Optional.empty(), from.remindAt());
            return command.step(stay, "no level follows level " + from.level() + " any more");
        }
        command.effects.add(new TimelineEntry.Escalated(command.incident, command.now, from.level(), next.get().level(),
                next.get().round(), Optional.of(dueAt)));
        Escalating phase = command.enter(next.get(), NotifyReason.ESCALATED);
        return command.step(phase, "escalated to level " + phase.level() + "; " + command.pagedSummary());
    }

    private Optional<Position> successor(Position position, PagingMode mode) {
        if (mode == PagingMode.PRIMARY_ONLY) {
            return Optional.empty();
        }
        if (position.level() < policy.levels().size()) {
            return Optional.of(new Position(position.level() + 1, position.round()));
        }
        if (position.round() < policy.rounds()) {
            return Optional.of(new Position(1, position.round() + 1));
        }
        return Optional.empty();
    }

    private void checkPolicy(IncidentState state) {
        if (!state.policy().equals(policy.name())) {
            throw new IllegalArgumentException("incident " + state.incident() + " escalates under policy \"" + state.policy()
                    + "\", not \"" + policy.name() + "\"");
        }
    }

    private static boolean isDue(Optional<Instant> timer, Instant now) {
        return timer.filter(due -> !due.isAfter(now)).isPresent();
    }

    private static String describe(Resolved resolved) {
        return resolved.by().map(by -> "by " + by).orElse("the SLO recovered") + " at " + resolved.at();
    }

    private record Position(int level, int round) {
    }

    /** The work of one command: the effects it asks for, and who has been paged. */
    private final class Command {

        private final String incident;
        private final PagingMode mode;
        private final Instant openedAt;
        private final Instant now;
        private final Map<String, Integer> paged;
        private final List<Effect> effects = new ArrayList<>();
        private final List<String> pagedNow = new ArrayList<>();

        Command(String incident, PagingMode mode, Instant openedAt, Instant now, Map<String, Integer> paged) {
            this.incident = incident;
            this.mode = mode;
            this.openedAt = openedAt;
            this.now = now;
            this.paged = new LinkedHashMap<>(paged);
        }

        Command(IncidentState state, Instant now) {
            this(state.incident(), state.mode(), state.openedAt(), now, state.paged());
        }

        Step step(Phase phase, String message) {
            return new Step(new IncidentState(incident, policy.name(), mode, openedAt, paged, phase), effects, message);
        }

        /** Pages the level, passing over levels with nobody to page, and sets the timers of the level it stops at. */
        Escalating enter(Position start, NotifyReason reason) {
            Position position = start;
            NotifyReason why = reason;
            while (true) {
                boolean someone = page(position.level(), why);
                Optional<Position> next = successor(position, mode);
                if (someone || next.isEmpty()) {
                    EscalationLevel level = policy.level(position.level());
                    Optional<Instant> escalateAt = next.isPresent() ? level.delay().map(now::plus) : Optional.empty();
                    return new Escalating(position.level(), position.round(), escalateAt, level.reminder().map(now::plus));
                }
                effects.add(new TimelineEntry.Escalated(incident, now, position.level(), next.get().level(),
                        next.get().round(), Optional.empty()));
                position = next.get();
                why = NotifyReason.ESCALATED;
            }
        }

        /** Pages everyone the level names (a person on call for a schedule is credited to it); false if nobody. */
        boolean page(int levelNumber, NotifyReason reason) {
            EscalationLevel level = policy.level(levelNumber);
            Map<String, Optional<String>> recipients = new LinkedHashMap<>();
            for (String schedule : level.schedules()) {
                Optional<String> user = onCall.schedule(schedule).flatMap(s -> OnCall.at(s, now).user());
                if (user.isPresent()) {
                    recipients.putIfAbsent(user.get(), Optional.of(schedule));
                } else {
                    effects.add(new TimelineEntry.NobodyOnCall(incident, now, levelNumber, schedule));
                }
            }
            level.users().forEach(user -> recipients.putIfAbsent(user, Optional.empty()));
            boolean someone = false;
            for (Map.Entry<String, Optional<String>> recipient : recipients.entrySet()) {
                someone |= notify(recipient.getKey(), recipient.getValue(), levelNumber, reason);
            }
            return someone;
        }

        /** Notifies every contact of the person; false if the configuration no longer knows them. */
        boolean notify(String userName, Optional<String> schedule, int level, NotifyReason reason) {
            Optional<User> user = onCall.user(userName);
            if (user.isEmpty()) {
                return false;
            }
            for (Contact contact : user.get().contacts()) {
                effects.add(new Notify(incident, now, userName, contact, level, reason));
            }
            effects.add(new TimelineEntry.Notified(incident, now, userName, schedule, level, reason,
                    user.get().contacts().stream().map(Contact::type).toList()));
            if (reason.isPage()) {
                paged.put(userName, level);
                pagedNow.add(userName);
            }
            return true;
        }

        String pagedSummary() {
            return pagedNow.isEmpty() ? "nobody could be paged" : "paged " + String.join(", ", pagedNow);
        }
    }
}
