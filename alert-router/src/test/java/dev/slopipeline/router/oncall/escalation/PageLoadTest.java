package dev.slopipeline.router.oncall.escalation;

import static dev.slopipeline.router.oncall.escalation.NotifyReason.ESCALATED;
import static dev.slopipeline.router.oncall.escalation.NotifyReason.REMINDER;
import static dev.slopipeline.router.oncall.escalation.NotifyReason.RESOLVED;
import static dev.slopipeline.router.oncall.escalation.NotifyReason.RETRIGGERED;
import static dev.slopipeline.router.oncall.escalation.NotifyReason.TRIGGERED;
import static dev.slopipeline.router.oncall.schedule.ContactType.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageLoadTest {

    private static final Map<String, ZoneId> ZONES = Map.of(
            "alice", ZoneId.of("Europe/Berlin"),
            "dave", ZoneId.of("America/New_York"));

    /**
     * a: Wednesday 11:00 in Berlin, alice paged and reminded, acknowledges 12 minutes after her first page.
     * b: Saturday 04:00 in Berlin (Friday 22:00 in New York), alice then dave paged; dave acknowledges after
     *    5 minutes; it times out and alice, paged again, acknowledges 3 minutes into the new round.
     * c: Wednesday 17:00 in New York (23:00 in Berlin), dave paged; erin, never paged, acknowledges.
     */
    private static final List<TimelineEntry> TIMELINE = List.of(
            new TimelineEntry.Triggered("a", t("2026-11-04T10:00:00Z"), "payments", PagingMode.ESCALATE),
            paged("a", "2026-11-04T10:00:00Z", "alice", "primary", TRIGGERED),
            paged("a", "2026-11-04T10:10:00Z", "alice", "primary", REMINDER),
            new TimelineEntry.Acknowledged("a", t("2026-11-04T10:12:00Z"), "alice"),
            paged("a", "2026-11-04T10:20:00Z", "alice", null, RESOLVED),
            new TimelineEntry.Triggered("b", t("2026-11-07T03:00:00Z"), "payments", PagingMode.ESCALATE),
            paged("b", "2026-11-07T03:00:00Z", "alice", "primary", TRIGGERED),
            paged("b", "2026-11-07T03:15:00Z", "dave", null, ESCALATED),
            new TimelineEntry.Acknowledged("b", t("2026-11-07T03:20:00Z"), "dave"),
            new TimelineEntry.Retriggered("b", t("2026-11-07T03:50:00Z"), "dave", t("2026-11-07T03:20:00Z"), t("2026-11-07T03:50:00Z")),
            paged("b", "2026-11-07T03:50:00Z", "alice", "primary", RETRIGGERED),
            new TimelineEntry.Acknowledged("b", t("2026-11-07T03:53:00Z"), "alice"),
            new TimelineEntry.Triggered("c", t("2026-11-04T22:00:00Z"), "evenings", PagingMode.ESCALATE),
            paged("c", "2026-11-04T22:00:00Z", "dave", "us-evenings", TRIGGERED),
            new TimelineEntry.Acknowledged("c", t("2026-11-04T22:01:00Z"), "erin"));

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    private static TimelineEntry.Notified paged(String incident, String at, String user, String schedule, NotifyReason reason) {
        return new TimelineEntry.Notified(incident, t(at), user, Optional.ofNullable(schedule), 1, reason, List.of(EMAIL));
    }

    private static List<Duration> minutes(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void shouldCountPagesOutOfHoursInThePersonsZoneAndTimesToAcknowledge() {
        PageLoadReport report = PageLoad.of(TIMELINE, ZONES, WorkingHours.DEFAULT);

        assertThat(report.byUser()).containsExactly(
                Map.entry("alice", new Load(4, 2, minutes(3, 12))),
                Map.entry("dave", new Load(2, 1, minutes(5))));
        assertThat(report.bySchedule()).containsExactly(
                Map.entry("primary", new Load(4, 2, minutes(3, 12))),
                Map.entry("us-evenings", new Load(1, 0, minutes())));
    }

    @Test
    void shouldUseTheWorkingHoursGiven() {
        WorkingHours late = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(23, 0));

        PageLoadReport report = PageLoad.of(TIMELINE, ZONES, late);

        assertThat(report.byUser().get("alice").outOfHoursPages()).isEqualTo(2);
        assertThat(report.byUser().get("dave").outOfHoursPages()).isZero();
    }

    @Test
    void shouldMeasureFromTheAcknowledgersFirstPageInARealEscalation() {
        EscalationProcess process = PagingYaml.valid("oncall/escalation.yaml").process("standard").orElseThrow();
        Step trigger = process.trigger("checkout", PagingMode.ESCALATE, t("2026-11-04T10:00:00Z"));
        Step escalate = process.tick(trigger.state(), t("2026-11-04T10:15:00Z"));
        Step ack = process.acknowledge(escalate.state(), "bob", t("2026-11-04T10:22:00Z"));
        List<TimelineEntry> timeline = Stream.of(trigger, escalate, ack)
                .flatMap(step -> step.timeline().stream()).toList();

        PageLoadReport report = PageLoad.of(timeline, Map.of(), WorkingHours.DEFAULT);

        assertThat(report.byUser().get("bob")).isEqualTo(new Load(1, 0, minutes(7)));
        assertThat(report.bySchedule().get("secondary")).isEqualTo(new Load(1, 0, minutes(7)));
        assertThat(report.bySchedule().get("primary")).isEqualTo(new Load(1, 0, minutes()));
    }

    @ParameterizedTest(name = "p{0} of 1..10 minutes is {1} minutes")
    @CsvSource({"1, 1", "10, 1", "50, 5", "90, 9", "99, 10", "100, 10"})
    void shouldTakeNearestRankPercentiles(int percentile, long expectedMinutes) {
        Load load = new Load(10, 0, IntStream.rangeClosed(1, 10).map(i -> 11 - i).mapToObj(Duration::ofMinutes).toList());

        assertThat(load.timeToAcknowledge(percentile)).contains(Duration.ofMinutes(expectedMinutes));
    }

    @Test
    void shouldHaveNoPercentileWithoutAcknowledgementsAndRefuseANonsensePercentile() {
        assertThat(new Load(1, 1, List.of()).timeToAcknowledge(50)).isEmpty();
        assertThatThrownBy(() -> new Load(1, 1, List.of()).timeToAcknowledge(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a percentile is 1 to 100, got 0");
    }
}
