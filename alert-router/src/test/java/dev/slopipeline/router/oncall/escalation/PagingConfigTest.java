package dev.slopipeline.router.oncall.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagingConfigTest {

    @Test
    void shouldReadTheDocumentedExampleWithoutAProblem() {
        PagingConfig config = PagingYaml.valid("oncall/example.yaml");

        assertThat(config.onCall().users()).containsOnlyKeys("alice", "bob", "carol", "dave", "erin");
        assertThat(config.onCall().schedules()).containsOnlyKeys("payments-primary", "payments-secondary");
        assertThat(config.policy("payments")).contains(new EscalationPolicy("payments", List.of(
                new EscalationLevel(List.of(), List.of("payments-primary"), Optional.of(Duration.ofMinutes(15)), Optional.of(Duration.ofMinutes(5))),
                new EscalationLevel(List.of(), List.of("payments-secondary"), Optional.of(Duration.ofMinutes(15)), Optional.empty()),
                new EscalationLevel(List.of("erin"), List.of(), Optional.of(Duration.ofMinutes(30)), Optional.empty())),
                1, Optional.of(Duration.ofMinutes(30))));
    }

    @Test
    void shouldGiveAProcessForAPolicyByName() {
        PagingConfig config = PagingYaml.valid("oncall/example.yaml");

        // Thursday 2026-11-05 12:00 Berlin: alice's week on payments-primary (her first, from Wednesday 10:00)
        Step step = config.process("payments").orElseThrow().trigger("checkout", PagingMode.ESCALATE, Instant.parse("2026-11-05T11:00:00Z"));

        assertThat(step.notifications()).extracting(Notify::user).containsOnly("alice");
        assertThat(config.process("nonexistent")).isEmpty();
    }

    @Test
    void shouldReportEveryMistakeInEscalationPolicies() {
        assertThat(PagingYaml.problems("""
                users:
                  - {name: erin, time_zone: UTC, contacts: [{type: email, address: erin@example.com}]}
                schedules:
                  - name: primary
                    time_zone: UTC
                    layers: [{name: all, users: [erin], rotation: {length: 1w, start: 2026-11-02, handoff: {time: "09:00"}}}]
                escalation_policies:
                  - name: payments
                    repeat: 12
                    ack_timeout: 30 minutes
                    levels:
                      - {schedules: [primray], delay: 15m, reminder: 20m}
                      - {users: [erin, frank]}
                      - {delay: 1h}
                      - {users: [erin], remider: 1m}
                  - name: payments
                    levels: []
                  - name: quiet
                    levels:
                      - {schedules: [primary], delay: 10m, reminder: 10m}
                      - {users: [erin], delay: 10m}
                """)).containsExactly(
                "bad.yaml:9:13: \"repeat\" in escalation policy \"payments\" must be 0 to 9 (how many more times the levels run after the first), got 12",
                "bad.yaml:10:18: \"ack_timeout\" in escalation policy \"payments\": duration \"30 minutes\" has no unit: write 30m, 30h, 30d or 30w",
                "bad.yaml:12:22: unknown schedule \"primray\" in level 1 of escalation policy \"payments\"; did you mean \"primary\"?",
                "bad.yaml:12:54: warning: \"reminder\" in level 1 of escalation policy \"payments\" never fires: level 2 is paged after 15m",
                "bad.yaml:13:9: level 2 of escalation policy \"payments\" needs a \"delay\": how long its people have to acknowledge before level 3 is paged",
                "bad.yaml:13:24: unknown user \"frank\" in level 2 of escalation policy \"payments\"; declared: erin",
                "bad.yaml:14:9: level 3 of escalation policy \"payments\" has no target: list users, schedules or both",
                "bad.yaml:15:25: unknown field \"remider\" in level 4 of escalation policy \"payments\"; did you mean \"reminder\"?",
                "bad.yaml:16:11: duplicate escalation policy \"payments\" (first at line 8)",
                "bad.yaml:17:13: escalation policy \"payments\" needs at least one level",
                "bad.yaml:20:54: warning: \"reminder\" in level 1 of escalation policy \"quiet\" never fires: level 2 is paged after 10m",
                "bad.yaml:21:32: warning: \"delay\" in level 2 of escalation policy \"quiet\" has no effect: nothing follows the last level when repeat is 0");
    }

    @Test
    void shouldLetTheLastLevelWaitBeforeARepeatAndAcknowledgementsLastForEverWhenOff() {
        assertThat(PagingYaml.problems("""
                users:
                  - {name: erin, time_zone: UTC, contacts: [{type: email, address: erin@example.com}]}
                escalation_policies:
                  - name: looping
                    repeat: 2
                    ack_timeout: off
                    levels:
                      - {users: [erin]}
                escalation_policys: []
                """)).containsExactly(
                "bad.yaml:8:9: level 1 of escalation policy \"looping\" needs a \"delay\": how long its people have to acknowledge before "
                        + "the policy repeats from level 1",
                "bad.yaml:9:1: unknown field \"escalation_policys\" in the router configuration; did you mean \"escalation_policies\"?");
    }
}
