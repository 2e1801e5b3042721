package dev.slopipeline.definitions.yaml;

import static dev.slopipeline.definitions.yaml.Fixtures.problems;
import static dev.slopipeline.definitions.yaml.Fixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.SloDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks across documents and files: references to services and unique names. */
class CrossFileTest {

    private static final String SECOND_STOREFRONT = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: storefront}
            spec: {owner: team-other}
            """;

    @Test
    void shouldResolveAServiceDefinedInAnotherFile() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml", ValidSlo.TEXT));

        assertThat(result.problems()).isEmpty();
        SloDefinition slo = result.definitions().slos().get("checkout-availability");
        assertThat(result.definitions().serviceOf(slo)).hasValueSatisfying(s -> assertThat(s.owner()).isEqualTo("team-shop"));
    }

    @Test
    void shouldReportADuplicateServiceInAnotherFileAndKeepTheFirst() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of(
                "services.yaml", Fixtures.CATALOG, "team-b/services.yaml", SECOND_STOREFRONT));

        assertThat(rendered(result)).containsExactly(
                "team-b/services.yaml:3:18: Service \"storefront\" is already defined at services.yaml:3:18; "
                        + "names must be unique across all files");
        assertThat(result.definitions().services().get("storefront").owner()).isEqualTo("team-shop");
    }

    @Test
    void shouldReportADuplicateInTheSameFile() {
        assertThat(problems(Map.of("services.yaml", Fixtures.CATALOG + "---\n" + SECOND_STOREFRONT))).containsExactly(
                "services.yaml:8:18: Service \"storefront\" is already defined at services.yaml:3:18; "
                        + "names must be unique across all files");
    }

    @Test
    void shouldReportADuplicateSloInAnotherFile() {
        assertThat(problems(Map.of("services.yaml", Fixtures.CATALOG, "a.yaml", ValidSlo.TEXT, "b.yaml", ValidSlo.TEXT)))
                .containsExactly("b.yaml:3:18: SLO \"checkout-availability\" is already defined at a.yaml:3:18; "
                        + "names must be unique across all files");
    }

    @Test
    void shouldReportADuplicateEvenWhenOneOfThemIsInvalid() {
        String invalid = ValidSlo.TEXT.replace("objective: 99.9", "objective: 100");

        assertThat(problems(Map.of("services.yaml", Fixtures.CATALOG, "a.yaml", ValidSlo.TEXT, "b.yaml", invalid)))
                .containsExactly(
                        "b.yaml:3:18: SLO \"checkout-availability\" is already defined at a.yaml:3:18; "
                                + "names must be unique across all files",
                        "b.yaml:9:14: objective 100 leaves no error budget, so nothing could ever alert; use e.g. 99.99");
    }

    @Test
    void shouldAllowAServiceAndAnSloOfTheSameName() {
        String sloNamedLikeItsService = ValidSlo.TEXT.replace("name: checkout-availability", "name: storefront");

        assertThat(problems(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml", sloNamedLikeItsService))).isEmpty();
    }

    @Test
    void shouldSuggestTheNearestServiceForAMisspeltOne() {
        assertThat(problems(Map.of("services.yaml", Fixtures.CATALOG,
                "slo.yaml", ValidSlo.TEXT.replace("service: storefront", "service: storefrnt")))).containsExactly(
                "slo.yaml:5:12: SLO \"checkout-availability\" names the unknown service \"storefrnt\"; did you mean \"storefront\"?");
    }

    @Test
    void shouldListTheKnownServicesWhenNoneIsNear() {
        assertThat(problems(Map.of("services.yaml", Fixtures.CATALOG,
                "slo.yaml", ValidSlo.TEXT.replace("service: storefront", "service: payments")))).containsExactly(
                "slo.yaml:5:12: SLO \"checkout-availability\" names the unknown service \"payments\"; "
                        + "define it in a document of kind Service, or use one of: storefront");
    }

    @Test
    void shouldSayWhenNoServiceIsDefinedAtAll() {
        assertThat(problems(Map.of("slo.yaml", ValidSlo.TEXT))).containsExactly(
                "slo.yaml:5:12: SLO \"checkout-availability\" names the unknown service \"storefront\"; "
                        + "no Service is defined: add a document of kind Service named \"storefront\"");
    }

    @Test
    void shouldCheckTheServiceOfAnSloThatHasMistakesOfItsOwn() {
        List<String> problems = ValidSlo.problemsWith(
                "  service: storefront", "  service: payments",
                "    match: [{service: checkout-api}]", "    match: [{service: checkout-api, operation: {regex: \"POST /(\"}}]",
                "  objective: 99.9", "  objective: 100");

        assertThat(problems).containsExactly(
                "slo.yaml:5:12: SLO \"checkout-availability\" names the unknown service \"payments\"; "
                        + "define it in a document of kind Service, or use one of: storefront",
                "slo.yaml:7:56: invalid regular expression \"POST /(\": missing closing )",
                "slo.yaml:9:14: objective 100 leaves no error budget, so nothing could ever alert; use e.g. 99.99");
    }

    @Test
    void shouldNotCheckTheAlertPairsOfAnSloWhoseWindowIsWrong() {
        List<String> problems = ValidSlo.problemsWith("  service: storefront", "  service: payments", "  window: 30d", "  window: 30s");

        assertThat(problems).containsExactly(
                "slo.yaml:5:12: SLO \"checkout-availability\" names the unknown service \"payments\"; "
                        + "define it in a document of kind Service, or use one of: storefront",
                "slo.yaml:10:11: duration \"30s\" is finer than a minute: SLO windows are counted in whole minutes (m, h, d, w)");
    }

    @Test
    void shouldNotCallAnInvalidServiceUnknown() {
        LoadResult result = DefinitionLoader.loadTexts(Map.of(
                "services.yaml", Fixtures.CATALOG.replace("tier: 1", "tier: 9"), "slo.yaml", ValidSlo.TEXT));

        assertThat(rendered(result)).containsExactly("services.yaml:4:32: tier must be 1 (critical), 2, 3 or 4 (experiment), got 9");
        assertThat(result.definitions().services()).isEmpty();
        assertThat(result.definitions().slos()).isEmpty();
    }

    @Test
    void shouldKeepWhatIsValidWhenOtherDocumentsAreNot() {
        String brokenSlo = ValidSlo.TEXT.replace("window: 30d", "window: 30s");

        LoadResult result = DefinitionLoader.loadTexts(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml", brokenSlo));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.definitions().services()).containsOnlyKeys("storefront");
        assertThat(result.definitions().slos()).isEmpty();
    }
}
