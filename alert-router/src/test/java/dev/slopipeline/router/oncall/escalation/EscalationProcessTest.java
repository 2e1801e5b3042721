package dev.slopipeline.router.oncall.escalation;

import static dev.slopipeline.router.oncall.escalation.NotifyReason.ESCALATED;
import static dev.slopipeline.router.oncall.escalation.NotifyReason.RESOLVED;
import static dev.slopipeline.router.oncall.escalation.NotifyReason.TRIGGERED;
import static dev.slopipeline.router.oncall.schedule.ContactType.EMAIL;
import static dev.slopipeline.router.oncall.schedule.ContactType.SLACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slopipeline.router.oncall.escalation.IncidentState.Escalating;
import dev.slopipeline.router.oncall.schedule.Contact;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Escalation driven by a hand-held clock. In escalation.yaml primary is alice, secondary is bob, and
 * office-only is carol on working days only; every test starts on Wednesday 2026-11-04 at 10:00Z.
 * Pages are written {@code "HH:MM user@level reason"} in UTC.
 */
class EscalationProcessTest {

    private static final PagingConfig CONFIG = PagingYaml.valid("oncall/escalation.yaml");
    private static final Instant T0 = at("10:00");

    private static Instant at(String time) {
        return Instant.parse("2026-11-04T" + time + (time.length() == 5 ? ":00Z" : "Z"));
    }

    @Test
    void shouldPageTheFirstLevelWhenTriggered() {
        Step step = process("standard").trigger("checkout", PagingMode.ESCALATE, T0);

        assertThat(step.effects()).containsExactly(
                new TimelineEntry.Triggered("checkout", T0, "standard", PagingMode.ESCALATE),
                new Notify("checkout", T0, "alice", new Contact(EMAIL, "alice@example.com"), 1, TRIGGERED),
                new Notify("checkout", T0, "alice", new Contact(SLACK, "@alice"), 1, TRIGGERED),
                new TimelineEntry.Notified("checkout", T0, "alice", Optional.of("primary"), 1, TRIGGERED, List.of(EMAIL, SLACK)));
        assertThat(step.state().phase()).isEqualTo(new Escalating(1, 1, Optional.of(at("10:15")), Optional.empty()));
        assertThat(step.nextDue()).contains(at("10:15"));
        assertThat(step.message()).isEqualTo("triggered; paged alice");
    }

    @ParameterizedTest(name = "acknowledged at level {0} by {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # level | by    | at    | pages before the acknowledgement                                         | acknowledgement times out
            1       | alice | 10:05 | 10:00 alice@1 triggered                                                  | 10:35
            2       | bob   | 10:20 | 10:00 alice@1 triggered, 10:15 bob@2 escalated                           | 10:50
            3       | lead  | 10:31 | 10:00 alice@1 triggered, 10:15 bob@2 escalated, 10:30 lead@3 escalated   | 11:01
            """)
    void shouldStopPagingWhenAcknowledgedAtAnyLevel(int level, String by, String ackAt, String pages, String timeout) {
        Run run = new Run("standard", PagingMode.ESCALATE).until(at(ackAt));

        run.acknowledge(by, at(ackAt)).until(at(timeout).minusSeconds(1));

        assertThat(run.pages()).containsExactly(pages.split(", "));
        assertThat(run.state.phase()).isEqualTo(new IncidentState.Acknowledged(by, at(ackAt), Optional.of(at(timeout))));
        assertThat(run.state.paged().values()).contains(level);
    }

    @Test
    void shouldPageEveryLevelOnceAndThenWaitWhenNobodyAcknowledges() {
        Run run = new Run("standard", PagingMode.ESCALATE).until(at("12:00"));

        assertThat(run.pages()).containsExactly("10:00 alice@1 triggered", "10:15 bob@2 escalated", "10:30 lead@3 escalated");
        assertThat(run.state.phase()).isEqualTo(new Escalating(3, 1, Optional.empty(), Optional.empty()));
        assertThat(run.state.nextDue()).isEmpty();
        assertThat(run.entries(TimelineEntry.Escalated.class)).containsExactly(
                new TimelineEntry.Escalated("checkout", at("10:15"), 1, 2, 1, Optional.of(at("10:15"))),
                new TimelineEntry.Escalated("checkout", at("10:30"), 2, 3, 1, Optional.of(at("10:30"))));
    }

    @Test
    void shouldRunTheLevelsAgainAsManyTimesAsRepeatSays() {
        Run run = new Run("looping", PagingMode.ESCALATE).until(at("12:00"));

        assertThat(run.pages()).containsExactly(
                "10:00 alice@1 triggered", "10:10 lead@2 escalated", "10:30 alice@1 escalated", "10:40 lead@2 escalated");
        assertThat(run.entries(TimelineEntry.Escalated.class)).extracting(TimelineEntry::describe).containsExactly(
                "escalated to level 2 at 2026-11-04T10:10:00Z",
                "escalated to level 1 (round 2) at 2026-11-04T10:30:00Z",
                "escalated to level 2 at 2026-11-04T10:40:00Z");
        assertThat(run.state.phase()).isEqualTo(new Escalating(2, 2, Optional.empty(), Optional.empty()));
    }

    @Test
    void shouldRemindTheCurrentLevelUntilItEscalates() {
        Run run = new Run("nagging", PagingMode.ESCALATE).until(at("10:50"));

        // at 10:30 the reminder and the escalation are both due: the level moves on instead
        assertThat(run.pages()).containsExactly(
                "10:00 alice@1 triggered", "10:10 alice@1 reminder", "10:20 alice@1 reminder",
                "10:30 lead@2 escalated", "10:35 lead@2 reminder", "10:40 lead@2 reminder", "10:45 lead@2 reminder",
                "10:50 lead@2 reminder");
        assertThat(run.state.nextDue()).contains(at("10:55"));
    }

    @Test
    void shouldTellEveryonePagedWhenResolvedMidEscalation() {
        Run run = new Run("standard", PagingMode.ESCALATE).until(at("10:20"));

        Step step = run.resolve(Optional.empty(), at("10:20")).last;
        run.until(at("12:00"));

        assertThat(step.effects()).containsExactly(
                new TimelineEntry.Resolved("checkout", at("10:20"), Optional.empty()),
                new Notify("checkout", at("10:20"), "alice", new Contact(EMAIL, "alice@example.com"), 1, RESOLVED),
                new Notify("checkout", at("10:20"), "alice", new Contact(SLACK, "@alice"), 1, RESOLVED),
                new TimelineEntry.Notified("checkout", at("10:20"), "alice", Optional.empty(), 1, RESOLVED, List.of(EMAIL, SLACK)),
                new Notify("checkout", at("10:20"), "bob", new Contact(EMAIL, "bob@example.com"), 2, RESOLVED),
                new TimelineEntry.Notified("checkout", at("10:20"), "bob", Optional.empty(), 2, RESOLVED, List.of(EMAIL)));
        assertThat(step.message()).isEqualTo("resolved (the SLO recovered at 2026-11-04T10:20:00Z); told alice, bob");
        assertThat(step.nextDue()).isEmpty();
        assertThat(run.pages()).containsExactly("10:00 alice@1 triggered", "10:15 bob@2 escalated");
    }

    @Test
    void shouldPageAgainFromTheFirstLevelWhenAnAcknowledgementTimesOut() {
        Run run = new Run("standard", PagingMode.ESCALATE);

        Step ack = run.acknowledge("alice", at("10:05")).last;
        run.until(at("10:50"));

        assertThat(ack.message()).isEqualTo("acknowledged by alice; paging starts again at 2026-11-04T10:35:00Z unless it is resolved");
        assertThat(run.pages()).containsExactly("10:00 alice@1 triggered", "10:35 alice@1 retriggered", "10:50 bob@2 escalated");
        assertThat(run.entries(TimelineEntry.Retriggered.class)).containsExactly(
                new TimelineEntry.Retriggered("checkout", at("10:35"), "alice", at("10:05"), at("10:35")));
    }

    @Test
    void shouldKeepAnAcknowledgementForEverWhenTheTimeoutIsOff() {
        Run run = new Run("looping", PagingMode.ESCALATE);

        Step ack = run.acknowledge("alice", at("10:05")).last;

        assertThat(ack.message()).isEqualTo("acknowledged by alice");
        assertThat(ack.nextDue()).isEmpty();
    }

    @Test
    void shouldFireAnOverdueEscalationOnceAndGiveTheNextLevelItsFullDelay() {
        Run run = new Run("standard", PagingMode.ESCALATE);

        Step late = run.tick(at("11:30")).last;
        Step onTime = run.tick(at("11:45")).last;

        assertThat(late.timeline()).extracting(TimelineEntry::describe).first()
                .isEqualTo("escalated to level 2 at 2026-11-04T11:30:00Z (due at 2026-11-04T10:15:00Z, router was down)");
        assertThat(onTime.timeline()).extracting(TimelineEntry::describe).first()
                .isEqualTo("escalated to level 3 at 2026-11-04T11:45:00Z");
        assertThat(run.pages()).containsExactly("10:00 alice@1 triggered", "11:30 bob@2 escalated", "11:45 lead@3 escalated");
    }

    @Test
    void shouldNotCallATickSecondsLateADowntime() {
        Run run = new Run("standard", PagingMode.ESCALATE);

        Step step = run.tick(at("10:15:30")).last;

        assertThat(step.timeline()).extracting(TimelineEntry::describe).first().isEqualTo("escalated to level 2 at 2026-11-04T10:15:30Z");
        assertThat(step.nextDue()).contains(at("10:30:30"));
    }

    @Test
    void shouldRetriggerAtOnceWhenTheAcknowledgementTimedOutWhileTheRouterWasDown() {
        Run run = new Run("standard", PagingMode.ESCALATE).acknowledge("alice", at("10:05"));

        Step step = run.tick(at("12:00")).last;

        assertThat(step.timeline()).extracting(TimelineEntry::describe).first().isEqualTo(
                "triggered again at 2026-11-04T12:00:00Z (due at 2026-11-04T10:35:00Z, router was down): "
                        + "acknowledged by alice at 2026-11-04T10:05:00Z but still not resolved");
        assertThat(step.nextDue()).contains(at("12:15"));
    }

    @Test
    void shouldIgnoreASecondAcknowledgement() {
        Run run = new Run("standard", PagingMode.ESCALATE).acknowledge("alice", at("10:05"));
        IncidentState acknowledged = run.state;

        Step again = run.acknowledge("bob", at("10:06")).last;

        assertThat(again.effects()).isEmpty();
        assertThat(again.state()).isEqualTo(acknowledged);
        assertThat(again.message()).isEqualTo("already acknowledged by alice at 2026-11-04T10:05:00Z");
    }

    @Test
    void shouldSayAnAcknowledgementOfAResolvedIncidentDoesNothing() {
        Run run = new Run("standard", PagingMode.ESCALATE).resolve(Optional.empty(), at("10:03"));
        IncidentState resolved = run.state;

        Step ack = run.acknowledge("alice", at("10:05")).last;

        assertThat(ack.effects()).isEmpty();
        assertThat(ack.state()).isEqualTo(resolved);
        assertThat(ack.message()).isEqualTo("already resolved (the SLO recovered at 2026-11-04T10:03:00Z): nothing to acknowledge");
    }

    @Test
    void shouldSayAResolvedIncidentIsAlreadyResolvedAndHasNothingDue() {
        Run run = new Run("standard", PagingMode.ESCALATE).resolve(Optional.of("bob"), at("10:03"));

        Step again = run.resolve(Optional.empty(), at("10:10")).last;
        Step tick = run.tick(at("10:15")).last;

        assertThat(again.effects()).isEmpty();
        assertThat(again.message()).isEqualTo("already resolved (by bob at 2026-11-04T10:03:00Z)");
        assertThat(tick.effects()).isEmpty();
        assertThat(tick.message()).isEqualTo("nothing due");
    }

    @Test
    void shouldPassOverALevelWithNobodyOnCallAtOnce() {
        Instant saturdayNight = Instant.parse("2026-11-07T03:00:00Z");

        Step step = process("office-first").trigger("checkout", PagingMode.ESCALATE, saturdayNight);

        assertThat(step.effects()).containsExactly(
                new TimelineEntry.Triggered("checkout", saturdayNight, "office-first", PagingMode.ESCALATE),
                new TimelineEntry.NobodyOnCall("checkout", saturdayNight, 1, "office-only"),
                new TimelineEntry.Escalated("checkout", saturdayNight, 1, 2, 1, Optional.empty()),
                new Notify("checkout", saturdayNight, "bob", new Contact(EMAIL, "bob@example.com"), 2, ESCALATED),
                new TimelineEntry.Notified("checkout", saturdayNight, "bob", Optional.of("secondary"), 2, ESCALATED, List.of(EMAIL)));
        assertThat(step.timeline()).extracting(TimelineEntry::describe).containsExactly(
                "triggered at 2026-11-07T03:00:00Z, escalation policy \"office-first\"",
                "nobody on call for \"office-only\" at level 1 at 2026-11-07T03:00:00Z",
                "escalated to level 2 at 2026-11-07T03:00:00Z: nobody to page at level 1",
                "notified bob (on call for \"secondary\") at level 2 through email at 2026-11-07T03:00:00Z: escalated");
        assertThat(step.nextDue()).isEmpty();
    }

    @Test
    void shouldPageWhoeverTheScheduleHasOnCallAtTheTime() {
        Step step = process("office-first").trigger("checkout", PagingMode.ESCALATE, T0);

        assertThat(step.notifications()).extracting(Notify::user, Notify::level).containsExactly(tuple("carol", 1));
    }

    @Test
    void shouldSayWhenNobodyCouldBePagedAtAll() {
        EscalationPolicy nights = new EscalationPolicy("nights",
                List.of(new EscalationLevel(List.of(), List.of("office-only"), Optional.empty(), Optional.empty())), 0, Optional.empty());

        Step step = new EscalationProcess(nights, CONFIG.onCall()).trigger("checkout", PagingMode.ESCALATE, Instant.parse("2026-11-07T03:00:00Z"));

        assertThat(step.message()).isEqualTo("triggered; nobody could be paged");
        assertThat(step.notifications()).isEmpty();
    }

    @Test
    void shouldPageOnlyTheFirstLevelInPrimaryOnlyMode() {
        Run run = new Run("standard", PagingMode.PRIMARY_ONLY);
        Step trigger = run.last;

        run.until(at("10:30")).acknowledge("alice", at("10:30")).until(at("11:00"));

        assertThat(trigger.timeline()).first().extracting(TimelineEntry::describe)
                .isEqualTo("triggered at 2026-11-04T10:00:00Z, escalation policy \"standard\", first level only");
        assertThat(trigger.nextDue()).isEmpty();
        assertThat(run.pages()).containsExactly("10:00 alice@1 triggered", "11:00 alice@1 retriggered");
        assertThat(run.state.nextDue()).isEmpty();
    }

    @Test
    void shouldStopEscalatingWhenAReloadTookTheNextLevelsAway() {
        Run run = new Run("standard", PagingMode.ESCALATE).until(at("10:15"));
        EscalationPolicy standard = CONFIG.policy("standard").orElseThrow();
        EscalationPolicy shorter = new EscalationPolicy("standard", standard.levels().subList(0, 2), 0, standard.ackTimeout());

        Step step = new EscalationProcess(shorter, CONFIG.onCall()).tick(run.state, at("10:30"));

        assertThat(step.effects()).isEmpty();
        assertThat(step.message()).isEqualTo("no level follows level 2 any more");
        assertThat(step.state().phase()).isEqualTo(new Escalating(2, 1, Optional.empty(), Optional.empty()));
    }

    @Test
    void shouldRefuseAStateOfAnotherPolicy() {
        IncidentState standard = new Run("standard", PagingMode.ESCALATE).state;

        assertThatThrownBy(() -> process("looping").tick(standard, at("10:15")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("incident checkout escalates under policy \"standard\", not \"looping\"");
    }

    private static EscalationProcess process(String policy) {
        return CONFIG.process(policy).orElseThrow();
    }

    /** One incident driven command by command, as the router's processor will. */
    private static final class Run {

        private final EscalationProcess process;
        private final List<Effect> effects = new ArrayList<>();
        private IncidentState state;
        private Step last;

        Run(String policy, PagingMode mode) {
            process = process(policy);
            record(process.trigger("checkout", mode, T0));
        }

        /** Ticks at every due time up to and including {@code end}, as punctuation would. */
        Run until(Instant end) {
            while (state.nextDue().filter(due -> !due.isAfter(end)).isPresent()) {
                tick(state.nextDue().get());
            }
            return this;
        }

        Run tick(Instant now) {
            return record(process.tick(state, now));
        }

        Run acknowledge(String by, Instant now) {
            return record(process.acknowledge(state, by, now));
        }

        Run resolve(Optional<String> by, Instant now) {
            return record(process.resolve(state, by, now));
        }

        private Run record(Step step) {
            last = step;
            state = step.state();
            effects.addAll(step.effects());
            return this;
        }

        List<String> pages() {
            return entries(TimelineEntry.Notified.class).stream()
                    .filter(notified -> notified.reason().isPage())
                    .map(n -> LocalTime.ofInstant(n.at(), ZoneOffset.UTC) + " " + n.user() + "@" + n.level() + " " + n.reason().wireName())
                    .toList();
        }

        <T extends TimelineEntry> List<T> entries(Class<T> type) {
            return effects.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
