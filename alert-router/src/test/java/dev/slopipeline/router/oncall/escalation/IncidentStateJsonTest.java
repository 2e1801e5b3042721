package dev.slopipeline.router.oncall.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.router.oncall.escalation.IncidentState.Acknowledged;
import dev.slopipeline.router.oncall.escalation.IncidentState.Escalating;
import dev.slopipeline.router.oncall.escalation.IncidentState.Resolved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentStateJsonTest {

    private static final Instant OPENED = Instant.parse("2026-11-04T10:00:00Z");

    private static IncidentState state(IncidentState.Phase phase) {
        Map<String, Integer> paged = new LinkedHashMap<>();
        paged.put("bob", 2);
        paged.put("alice", 1);
        return new IncidentState("checkout/page", "payments", PagingMode.ESCALATE, OPENED, paged, phase);
    }

    private static String json(IncidentState state) {
        return new String(IncidentStateJson.write(state), StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteAnEscalatingIncidentCompactly() {
        IncidentState escalating = state(new Escalating(2, 1, Optional.of(Instant.parse("2026-11-04T10:30:00Z")), Optional.empty()));

        assertThat(json(escalating)).isEqualTo("{\"v\":1,\"incident\":\"checkout/page\",\"policy\":\"payments\",\"mode\":\"escalate\","
                + "\"openedAt\":\"2026-11-04T10:00:00Z\",\"paged\":{\"bob\":2,\"alice\":1},"
                + "\"phase\":{\"type\":\"escalating\",\"level\":2,\"round\":1,\"escalateAt\":\"2026-11-04T10:30:00Z\"}}");
    }

    @Test
    void shouldWriteTheOtherPhases() {
        IncidentState acknowledged = state(new Acknowledged("alice", Instant.parse("2026-11-04T10:05:00Z"),
                Optional.of(Instant.parse("2026-11-04T10:35:00Z"))));
        IncidentState resolved = state(new Resolved(Instant.parse("2026-11-04T10:20:00Z"), Optional.empty()));

        assertThat(json(acknowledged)).endsWith("\"phase\":{\"type\":\"acknowledged\",\"by\":\"alice\","
                + "\"at\":\"2026-11-04T10:05:00Z\",\"timeoutAt\":\"2026-11-04T10:35:00Z\"}}");
        assertThat(json(resolved)).endsWith("\"phase\":{\"type\":\"resolved\",\"at\":\"2026-11-04T10:20:00Z\"}}");
    }

    @Test
    void shouldReadBackEveryPhaseWithItsTimersAndThePagedOrder() {
        for (IncidentState state : new IncidentState[] {
                state(new Escalating(3, 2, Optional.empty(), Optional.of(Instant.parse("2026-11-04T10:10:00Z")))),
                state(new Acknowledged("bob", Instant.parse("2026-11-04T10:05:00Z"), Optional.empty())),
                state(new Resolved(Instant.parse("2026-11-04T10:20:00Z"), Optional.of("alice"))),
                new IncidentState("x", "p", PagingMode.PRIMARY_ONLY, OPENED, Map.of(), new Escalating(1, 1, Optional.empty(), Optional.empty()))}) {

            IncidentState read = IncidentStateJson.read(IncidentStateJson.write(state));

            assertThat(read).isEqualTo(state);
            assertThat(read.paged().keySet()).containsExactlyElementsOf(state.paged().keySet());
        }
    }

    @Test
    void shouldEscalateTheSameWhenTheStateIsStoredAndReadBetweenEveryStep() {
        EscalationProcess process = PagingYaml.valid("oncall/escalation.yaml").process("nagging").orElseThrow();
        IncidentState state = process.trigger("checkout", PagingMode.ESCALATE, OPENED).state();

        for (int step = 0; step < 6; step++) {
            IncidentState restored = IncidentStateJson.read(IncidentStateJson.write(state));
            assertThat(restored).isEqualTo(state);
            state = process.tick(restored, restored.nextDue().orElseThrow()).state();
        }
        state = process.acknowledge(IncidentStateJson.read(IncidentStateJson.write(state)), "lead", Instant.parse("2026-11-04T10:50:00Z")).state();
        state = process.resolve(IncidentStateJson.read(IncidentStateJson.write(state)), Optional.of("lead"), Instant.parse("2026-11-04T10:55:00Z")).state();

        assertThat(IncidentStateJson.read(IncidentStateJson.write(state))).isEqualTo(state);
        assertThat(state.paged()).containsExactly(Map.entry("alice", 1), Map.entry("lead", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1]",
            "{\"v\":2}",
            "{\"v\":1,\"incident\":\"x\",\"policy\":\"p\",\"mode\":\"shout\",\"openedAt\":\"2026-11-04T10:00:00Z\",\"paged\":{},"
                    + "\"phase\":{\"type\":\"resolved\",\"at\":\"2026-11-04T10:20:00Z\"}}",
            "{\"v\":1,\"incident\":\"x\",\"policy\":\"p\",\"mode\":\"escalate\",\"openedAt\":\"yesterday\",\"paged\":{},"
                    + "\"phase\":{\"type\":\"resolved\",\"at\":\"2026-11-04T10:20:00Z\"}}",
            "{\"v\":1,\"incident\":\"x\",\"policy\":\"p\",\"mode\":\"escalate\",\"openedAt\":\"2026-11-04T10:00:00Z\",\"paged\":{},"
                    + "\"phase\":{\"type\":\"paused\"}}",
    })
    void shouldRefuseWhatIsNotAStoredState(String text) {
        assertThatThrownBy(() -> IncidentStateJson.read(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stored incident state is not valid: " + text + " (");
    }
}
