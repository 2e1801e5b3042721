package dev.slopipeline.router.oncall.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lines and columns are counted by hand in the text blocks, from 1 as editors show them. */
class OnCallConfigReaderTest {

    private static List<String> problems(String yaml) {
        return OnCallYaml.problems("bad.yaml", yaml, OnCallConfigReader::read);
    }

    @Test
    void shouldReadUsersAndSchedulesIntoTheModel() {
        OnCallConfig config = OnCallYaml.valid("good.yaml", """
                users:
                  - name: alice
                    time_zone: Europe/Berlin
                    contacts:
                      - {type: email, address: alice@example.com}
                      - {type: slack, address: "@alice"}
                      - {type: pagerduty, address: R0UT1NGKEY}
                      - {type: webhook, address: "https://hooks.example.com/alice"}
                schedules:
                  - name: primary
                    time_zone: Europe/Berlin
                    layers:
                      - name: office
                        users: [alice]
                        rotation: {length: 2w, start: 2026-11-04, handoff: {day: wednesday, time: "9:30"}}
                        restrictions:
                          - {days: [saturday..monday, thursday], start: "18:00", end: "24:00"}
                    overrides:
                      - {user: alice, start: 2026-12-24T18:00, end: "2026-12-27T09:00:00+01:00"}
                """);

        assertThat(config.user("alice")).contains(new User("alice", ZoneId.of("Europe/Berlin"), List.of(
                new Contact(ContactType.EMAIL, "alice@example.com"),
                new Contact(ContactType.SLACK, "@alice"),
                new Contact(ContactType.PAGERDUTY, "R0UT1NGKEY"),
                new Contact(ContactType.WEBHOOK, "https://hooks.example.com/alice"))));
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(config.schedule("primary")).contains(new Schedule("primary", ZoneId.of("Europe/Berlin"),
                List.of(new Layer("office",
                        new Rotation(List.of("alice"), LocalDateTime.parse("2026-11-04T09:30"), Duration.ofDays(14)),
                        List.of(new Restriction(days, LocalTime.of(18, 0), LocalTime.MIDNIGHT)))),
                List.of(new ScheduleOverride("alice", Instant.parse("2026-12-24T17:00:00Z"), Instant.parse("2026-12-27T08:00:00Z")))));
    }

    @Test
    void shouldReportEveryMistakeInUsers() {
        assertThat(problems("""
                users:
                  - name: alice
                    time_zone: Europe/Berln
                    contacts:
                      - {type: emial, address: alice@example.com}
                      - {type: webhook, address: "ftp://hooks.example.com"}
                  - name: alice
                    time_zone: UTC
                    contact: []
                  - name: bob
                    time_zone: America/New_York
                    contacts: []
                """)).containsExactly(
                "bad.yaml:3:16: \"time_zone\" in user \"alice\" is not a time zone: \"Europe/Berln\"; did you mean \"Europe/Berlin\"?",
                "bad.yaml:5:16: \"type\" in contact 1 of user \"alice\" must be one of email, slack, pagerduty, webhook, got \"emial\"",
                "bad.yaml:6:34: \"address\" in contact 2 of user \"alice\" must be an http or https URL for a webhook contact, got \"ftp://hooks.example.com\"",
                "bad.yaml:7:5: user \"alice\" is missing the required field \"contacts\"",
                "bad.yaml:7:11: duplicate user \"alice\" (first at line 2)",
                "bad.yaml:9:5: unknown field \"contact\" in user \"alice\"; did you mean \"contacts\"?",
                "bad.yaml:12:15: user \"bob\" needs at least one contact, or pages to them reach nobody");
    }

    @Test
    void shouldReportEveryMistakeInLayersAndOverrides() {
        assertThat(problems("""
                users:
                  - {name: alice, time_zone: Europe/Berlin, contacts: [{type: email, address: alice@example.com}]}
                  - {name: bob, time_zone: Europe/Berlin, contacts: [{type: email, address: bob@example.com}]}
                schedules:
                  - name: primary
                    time_zone: Europe/Berlin
                    layers:
                      - name: weekly
                        users: [alce, zed]
                        rotation: {lenght: 1w, start: 2026-11-05, handoff: {day: wednesday, time: "10:00"}}
                      - name: daily
                        users: []
                        rotation: {length: 1d, start: 2026-11-04, handoff: {day: wednesday, time: "25:00"}}
                        restrictions: [{days: [mondy..friday], start: "09:00", end: "24:30"}]
                      - name: weekly
                        users: [bob]
                        rotation: {length: 30m, start: 2026-11-4, handoff: {time: "10:00"}}
                    overrides:
                      - {user: bob, start: 2026-12-24T18:00, end: 2026-12-24T08:00}
                      - {user: alice, start: 2026-12-20T00:00:00Z, end: 2026-12-22T00:00:00Z}
                      - {user: bob, start: 2026-12-21T00:00:00+01:00, end: 2026-12-21T12:00}
                      - {user: alice, start: yesterday, end: 2026-12-21T12:00}
                """)).containsExactly(
                "bad.yaml:9:17: unknown user \"alce\" in layer \"weekly\" of schedule \"primary\"; did you mean \"alice\"?",
                "bad.yaml:9:23: unknown user \"zed\" in layer \"weekly\" of schedule \"primary\"; declared: alice, bob",
                "bad.yaml:10:19: rotation of layer \"weekly\" of schedule \"primary\" is missing the required field \"length\"",
                "bad.yaml:10:20: unknown field \"lenght\" in rotation of layer \"weekly\" of schedule \"primary\"; did you mean \"length\"?",
                "bad.yaml:10:39: \"start\" in rotation of layer \"weekly\" of schedule \"primary\" is a Thursday, but hand-offs are on Wednesday: "
                        + "start on 2026-11-04 or 2026-11-11",
                "bad.yaml:12:16: \"users\" in layer \"daily\" of schedule \"primary\" is empty: a rotation needs at least one user",
                "bad.yaml:13:66: \"day\" in handoff of layer \"daily\" of schedule \"primary\" needs a length in whole weeks; "
                        + "this rotation hands off every 1d, so leave the day out",
                "bad.yaml:13:83: \"time\" in handoff of layer \"daily\" of schedule \"primary\" must be a time of day from 00:00 to 23:59, got \"25:00\"",
                "bad.yaml:14:32: \"days\" in restriction 1 of layer \"daily\" of schedule \"primary\": \"mondy\" is not a day of the week; "
                        + "did you mean \"monday\"?",
                "bad.yaml:14:69: \"end\" in restriction 1 of layer \"daily\" of schedule \"primary\" must be a time of day from 00:00 to 24:00, "
                        + "got \"24:30\"",
                "bad.yaml:15:15: duplicate layer \"weekly\" (first at line 8)",
                "bad.yaml:17:28: \"length\" in rotation of layer \"weekly\" of schedule \"primary\" must be at least 1h, got 30m",
                "bad.yaml:17:40: \"start\" in rotation of layer \"weekly\" of schedule \"primary\" must be a date as YYYY-MM-DD, got \"2026-11-4\"",
                "bad.yaml:19:51: override 1 of schedule \"primary\" ends before it starts: end 2026-12-24T08:00 is not after start 2026-12-24T18:00",
                "bad.yaml:21:9: override 3 of schedule \"primary\" overlaps the override of alice at line 20: only one person can cover an instant",
                "bad.yaml:22:30: \"start\" in override 4 of schedule \"primary\" must be a date and time such as 2026-12-24T18:00 "
                        + "(in the time zone Europe/Berlin) or 2026-12-24T18:00:00+01:00, got \"yesterday\"");
    }

    @Test
    void shouldReportMistakesInTheScheduleItself() {
        assertThat(problems("""
                schedules:
                  - name: secondary
                    time_zone: Europe/Berln
                    layers: []
                    overides: []
                  - time_zone: UTC
                    layers:
                      - name: daily
                        users: [nobody]
                        rotation: {length: 1 day, start: 2026-11-04, handoff: {time: "10:00"}}
                """)).containsExactly(
                "bad.yaml:3:16: \"time_zone\" in schedule \"secondary\" is not a time zone: \"Europe/Berln\"; did you mean \"Europe/Berlin\"?",
                "bad.yaml:4:13: schedule \"secondary\" needs at least one layer",
                "bad.yaml:5:5: unknown field \"overides\" in schedule \"secondary\"; did you mean \"overrides\"?",
                "bad.yaml:6:5: schedule 2 is missing the required field \"name\"",
                "bad.yaml:9:17: unknown user \"nobody\" in layer \"daily\" of schedule 2; no user is declared",
                "bad.yaml:10:28: \"length\" in rotation of layer \"daily\" of schedule 2: duration \"1 day\" has no unit: write 1m, 1h, 1d or 1w");
    }
}
