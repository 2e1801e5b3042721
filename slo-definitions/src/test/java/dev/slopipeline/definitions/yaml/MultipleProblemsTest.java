package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.Problem;

import static dev.slopipeline.definitions.yaml.Fixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user sees every mistake at once, in the order of the file, and keeps what was valid. */
class MultipleProblemsTest {

    @Test
    void shouldReportEveryProblemOfEveryDocumentAndGoOnPastBadOnes() {
        String text = """
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: Storefront}
                spec: {owner: team-shop, tier: 0}
                ---
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: checkout-availability}
                spec:
                  service: storefront
                  indicator:
                    source: requests
                    match: [{service: checkout-api, operation: {regex: "POST /("}}]
                    good: {status: {below: 600}, latency_ms: {atMost: -1}}
                  objective: 100
                  window: 30s
                  alerting: {pairs: {page-fast: {severity: loud}}}
                ---
                apiVersion: slo-pipeline/v1
                kind: Service
                metadata: {name: cart}
                spec: {owner: team-basket}
                """;

        LoadResult result = DefinitionLoader.loadTexts(Map.of("shop.yaml", text));

        assertThat(rendered(result)).containsExactly(
                "shop.yaml:3:18: name \"Storefront\" is not valid: use 1 to 63 lowercase letters, digits and \"-\", "
                        + "starting with a letter and not ending with \"-\", e.g. \"storefront\"",
                "shop.yaml:4:32: tier must be 1 (critical), 2, 3 or 4 (experiment), got 0",
                "shop.yaml:10:12: SLO \"checkout-availability\" names the unknown service \"storefront\"; did you mean \"Storefront\"?",
                "shop.yaml:13:56: invalid regular expression \"POST /(\": missing closing )",
                "shop.yaml:14:28: status codes run from 100 to 599, got 600",
                "shop.yaml:14:55: atMost must be above 0 milliseconds, got -1",
                "shop.yaml:15:14: objective 100 leaves no error budget, so nothing could ever alert; use e.g. 99.99",
                "shop.yaml:16:11: duration \"30s\" is finer than a minute: SLO windows are counted in whole minutes (m, h, d, w)",
                "shop.yaml:17:44: unknown severity \"loud\"; use page, ticket or notify");
        assertThat(result.definitions().services()).containsOnlyKeys("cart");
        assertThat(result.definitions().slos()).isEmpty();
    }

    @Test
    void shouldKeepTheDocumentsBeforeASyntaxError() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG + """
                ---
                apiVersion: slo-pipeline/v1
                kind: [Service
                """));

        assertThat(rendered(result)).containsExactly(
                "services.yaml:8:1: YAML syntax: expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThat(result.definitions().services()).containsOnlyKeys("storefront");
    }

    @Test
    void shouldSortProblemsByFileLineAndColumnAndTellErrorsFromWarnings() {
        String lowObjective = ValidSlo.TEXT.replace("objective: 99.9", "objective: 90");
        String badWindow = ValidSlo.TEXT.replace("name: checkout-availability", "name: checkout-latency")
                .replace("window: 30d", "window: 30");

        LoadResult result = DefinitionLoader.loadTexts(Map.of(
                "b.yaml", badWindow, "a.yaml", lowObjective, "services.yaml", Fixtures.CATALOG));

        assertThat(result.problems()).extracting(p -> p.location().toString())
                .containsExactly("a.yaml:9:14", "b.yaml:10:11");
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.errors()).extracting(Problem::message)
                .containsExactly("duration \"30\" has no unit: write 30m, 30h, 30d or 30w");
        assertThat(result.warnings()).extracting(p -> p.location().file()).containsExactly("a.yaml");
    }
}
