package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line entry point, as {@code bin/slo} does, and reads what a user would see. */
class LintAndPlanCommandTest {

    private static final String EXAMPLES = "../slo-definitions/examples";
    private static final String CHECKOUT = """
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
                match: [{service: checkout-api}]
                good: {status: {below: 500}}
              objective: 99.9
              window: 30d
              alerting: {minEvents: 100}
            """;

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

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void shouldListEveryCommandInHelp() {
        Run run = slo("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("lint", "plan", "Usage: slo");
    }

    @Test
    void shouldDescribeEachCommandInItsOwnHelp() {
        assertThat(slo("lint", "--help").out()).contains("file:line:col", "--strict");
        assertThat(slo("plan", "--help").out()).contains("--output", "time to detect a full outage");
    }

    @Test
    void shouldExitWithTwoOnAUsageError() {
        Run run = slo("lint");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'PATH'");
    }

    @Test
    void shouldAcceptTheExampleShop() {
        Run run = slo("lint", EXAMPLES);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("ok: 7 services, 9 SLOs" + System.lineSeparator());
    }

    @Test
    void shouldPrintEveryProblemWithItsLocationAndExitWithOne() throws IOException {
        Path file = write("broken.yaml", """
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: checkout-availability}
                spec:
                  service: storefront
                  indicator:
                    match: [{service: checkout-api, operation: {regex: "POST /charge("}}]
                    good: {status: {below: 500}}
                  objective: 100
                  window: 30M
                """);

        Run run = slo("lint", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        String name = file.toString();
        assertThat(run.out().lines()).containsExactly(
                name + ":5:12: SLO \"checkout-availability\" names the unknown service \"storefront\"; no Service is defined: add a document of kind Service named \"storefront\"",
                name + ":7:56: invalid regular expression \"POST /charge(\": missing closing )",
                name + ":9:14: objective 100 leaves no error budget, so nothing could ever alert; use e.g. 99.99",
                name + ":10:11: duration \"30M\" is ambiguous: M means minutes to some tools and months to others; "
                        + "write m for minutes, or use window: {calendar: month} for a calendar month",
                "4 errors, 0 warnings");
    }

    @Test
    void shouldFailOnWarningsOnlyWhenStrict() throws IOException {
        Path file = write("low-target.yaml", """
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: storefront}
                spec: {owner: team-shop}
                ---
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: browse-availability}
                spec:
                  service: storefront
                  indicator:
                    match: [{service: web-frontend}]
                    good: {status: {below: 500}}
                  objective: 90
                  window: 30d
                """);

        Run lenient = slo("lint", file.toString());
        Run strict = slo("lint", "--strict", file.toString());

        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains(":14:14: warning: objective 90 can never fire page-fast", "ok: 1 service, 1 SLO, 1 warning");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("0 errors, 1 warning");
    }

    @Test
    void shouldPlanTheWorkbookPairsAsATable() throws IOException {
        Path file = write("checkout.yaml", CHECKOUT);

        Run run = slo("plan", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                "checkout-availability  (service storefront, tier 1, journey checkout)",
                "objective 99.9 % over 30d rolling; error budget 0.1 % (43m12s of full outage)",
                "low-traffic guard: a pair fires only with at least 100 events in its long window");
        assertThat(run.out().lines().filter(line -> line.startsWith("  page-fast")).findFirst().orElseThrow().split("\\s+"))
                .containsExactly("", "page-fast", "page", "1h", "5m", "14.4", "1.44", "%", "2", "%", "52s", "2d2h");
        assertThat(run.out().lines().filter(line -> line.startsWith("  ticket-slow")).findFirst().orElseThrow().split("\\s+"))
                .containsExactly("", "ticket-slow", "ticket", "3d", "6h", "1", "0.1", "%", "10", "%", "4m19s", "30d");
    }

    @Test
    void shouldSayHowASplitSloIsSplit() throws IOException {
        Path file = write("checkout.yaml", CHECKOUT + "  groupBy: [region]\n  maxSeries: 50\n");

        Run table = slo("plan", file.toString());
        Run json = slo("plan", "-o", "json", file.toString());

        assertThat(table.out()).contains("split by region: every value judged alone, at most 50 series, "
                + "further ones counted in checkout-availability{region=\"other\"}");
        JsonNode plan = new ObjectMapper().readTree(json.out()).get(0);
        assertThat(plan.get("groupBy")).extracting(JsonNode::asText).containsExactly("region");
        assertThat(plan.get("maxSeries").asInt()).isEqualTo(50);
    }

    @Test
    void shouldPlanAsJsonForTools() throws IOException {
        Run run = slo("plan", "-o", "json", "--slo", "checkout-availability", EXAMPLES);

        assertThat(run.exitCode()).isZero();
        JsonNode plans = new ObjectMapper().readTree(run.out());
        assertThat(plans).hasSize(1);
        JsonNode plan = plans.get(0);
        assertThat(plan.get("slo").asText()).isEqualTo("checkout-availability");
        assertThat(plan.get("errorBudget").asDouble()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-12));
        JsonNode pageSlow = plan.get("pairs").get(1);
        assertThat(pageSlow.get("name").asText()).isEqualTo("page-slow");
        assertThat(pageSlow.get("factor").asDouble()).isEqualTo(6.0);
        assertThat(pageSlow.get("detectFullOutageSeconds").asDouble()).isEqualTo(129.6);
        assertThat(pageSlow.get("exhaustBudgetSeconds").asLong()).isEqualTo(5 * 86_400);
    }

    @Test
    void shouldRefuseToPlanBrokenDefinitions() throws IOException {
        Path file = write("broken.yaml", "apiVersion: slo-pipeline/v1\nkind: Slo\n");

        Run run = slo("plan", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(":2:7: unknown kind \"Slo\"; did you mean \"SLO\"?", "fix them first");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldNameAnUnknownSloAskedFor() {
        Run run = slo("plan", "--slo", "nope", EXAMPLES);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no SLO named nope");
    }
}
