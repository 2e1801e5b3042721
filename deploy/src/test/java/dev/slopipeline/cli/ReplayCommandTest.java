package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo replay} over a recorded incident: what an SRE sees when backtesting an SLO. */
class ReplayCommandTest {

    private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");
    private static final int OUTAGE_FROM = 180;
    private static final int OUTAGE_TO = 190;

    record Run(int exitCode, String out, String err) {
    }

    private static Run slo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SloCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @TempDir
    Path folder;
    private Path slos;
    private Path events;

    /** Three quiet hours of 100 checkout requests a minute, then ten minutes of 503s, then quiet again. */
    @BeforeEach
    void recordAnIncident() throws IOException {
        slos = folder.resolve("slos.yaml");
        Files.writeString(slos, """
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: storefront}
                spec: {owner: team-shop, tier: 1}
                ---
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: checkout-availability}
                spec:
                  service: storefront
                  journey: checkout
                  indicator:
                    match: [{service: checkout-api, operation: "POST /checkout"}]
                    good: {status: {below: 500}}
                  objective: 99.9
                  window: 30d
                """);
        List<String> lines = new ArrayList<>();
        for (int minute = 0; minute < 360; minute++) {
            boolean outage = minute >= OUTAGE_FROM && minute < OUTAGE_TO;
            lines.add("{\"timestamp\":\"" + START.plusSeconds(minute * 60L + 1) + "\",\"service\":\"checkout-api\","
                    + "\"operation\":\"POST /checkout\",\"status\":" + (outage ? 503 : 200) + ",\"count\":100}");
        }
        lines.add("{\"timestamp\":\"" + START + "\",\"service\":\"checkout-api\"}");
        events = folder.resolve("events.jsonl");
        Files.write(events, lines);
    }

    @Test
    void shouldPageOnceWhenTheOutageStartsAndResolveAfterIt() throws IOException {
        Run run = slo("replay", "--slos", slos.toString(), "--events", events.toString());

        assertThat(run.exitCode()).isZero();
        List<JsonNode> transitions = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            transitions.add(new ObjectMapper().readTree(line));
        }
        List<JsonNode> pages = transitions.stream().filter(t -> t.get("severity").asText().equals("page")).toList();
        assertThat(pages).extracting(t -> t.get("state").asText()).containsExactly("firing", "resolved");
        // The first bad minute already crosses page-fast: the last hour holds 6 000 events, 100 of them
        // bad (1.67 % > 14.4 × 0.1 %), and the last 5 minutes 100 of 500 (20 %).
        JsonNode firing = pages.get(0);
        assertThat(Instant.parse(firing.get("at").asText())).isEqualTo(START.plusSeconds(OUTAGE_FROM * 60L + 1));
        assertThat(firing.get("threshold").asDouble()).isEqualTo(14.4);
        assertThat(firing.get("windows").get("long").asText()).isEqualTo("1h");
        assertThat(firing.get("journey").asText()).isEqualTo("checkout");
        assertThat(Instant.parse(pages.get(1).get("at").asText())).isAfter(START.plusSeconds(OUTAGE_TO * 60L));
        assertThat(run.err()).contains("1 invalid", "checkout-availability").doesNotContain("WARN");
    }

    @Test
    void shouldGiveTheSameBytesEveryTime() {
        Run first = slo("replay", "--slos", slos.toString(), "--events", events.toString());
        Run second = slo("replay", "--slos", slos.toString(), "--events", events.toString());

        assertThat(first.out()).isNotEmpty().isEqualTo(second.out());
    }

    @Test
    void shouldPrintTheSameTransitionsWhenAskedForProgress() {
        Run quiet = slo("replay", "--slos", slos.toString(), "--events", events.toString());
        Run told = slo("replay", "--slos", slos.toString(), "--events", events.toString(), "--progress");

        assertThat(told.exitCode()).isZero();
        assertThat(told.out()).isNotEmpty().isEqualTo(quiet.out());
        assertThat(told.err()).contains("1 invalid", "checkout-availability");
    }

    @Test
    void shouldReplayOnlyTheRequestedSpan() {
        Run beforeTheOutage = slo("replay", "--slos", slos.toString(), "--events", events.toString(),
                "--to", START.plusSeconds(OUTAGE_FROM * 60L).toString());

        assertThat(beforeTheOutage.exitCode()).isZero();
        assertThat(beforeTheOutage.out()).isEmpty();
    }

    @Test
    void shouldRefuseBrokenDefinitions() throws IOException {
        Files.writeString(slos, "apiVersion: slo-pipeline/v1\nkind: SLO\nmetadata: {name: x}\nspec: {objective: 100}\n");

        Run run = slo("replay", "--slos", slos.toString(), "--events", events.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("objective 100 leaves no error budget", "fix them first");
    }
}
