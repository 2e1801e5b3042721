package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;

import static dev.slopipeline.definitions.yaml.Fixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Documents in another language go to the translator registered for their apiVersion, then meet the same cross checks. */
class TranslatorHookTest {

    /** Reads just enough of an imaginary OpenSLO document: metadata.name and spec.service. */
    private static final class NameAndServiceTranslator implements DocumentTranslator {

        final List<List<String>> calls = new ArrayList<>();
        private final String apiVersion;

        NameAndServiceTranslator(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        @Override
        public Set<String> apiVersions() {
            return Set.of(apiVersion);
        }

        @Override
        public void translate(List<YamlNode> documents, Problems problems,
                Consumer<Declared<ServiceDefinition>> services, Consumer<Declared<SloDefinition>> slos) {
            calls.add(documents.stream().map(d -> d.location().toString()).toList());
            for (YamlNode document : documents) {
                YamlNode name = document.field("metadata").flatMap(m -> m.field("name")).orElseThrow();
                YamlNode service = document.field("spec").flatMap(s -> s.field("service")).orElseThrow();
                SloDefinition slo = new SloDefinition(name.scalarText().orElseThrow(), Map.of(), null,
                        service.scalarText().orElseThrow(), null,
                        new Indicator.Requests(List.of(new EventMatcher("checkout-api", null, Map.of())),
                                new StatusRule.Below(500), OptionalDouble.empty()),
                        99.9, new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults());
                slos.accept(new Declared<>(slo, document.location(),
                        Map.of(FieldPaths.NAME, name.location(), FieldPaths.SERVICE, service.location())));
            }
        }
    }

    private static String openSlo(String name, String service) {
        return """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: %s}
                spec: {service: %s}
                """.formatted(name, service);
    }

    private final NameAndServiceTranslator translator = new NameAndServiceTranslator("openslo/v1");
    private final DefinitionLoader loader = DefinitionLoader.withTranslators(List.of(translator));

    @Test
    void shouldHandAllDocumentsOfItsApiVersionToTheTranslatorInOneCall() {
        LoadResult result = loader.fromTexts(Map.of(
                "services.yaml", Fixtures.CATALOG,
                "openslo/a.yaml", openSlo("checkout-availability", "storefront") + "---\n" + openSlo("browse-availability", "storefront"),
                "openslo/b.yaml", openSlo("search-latency", "storefront")));

        assertThat(result.problems()).isEmpty();
        assertThat(translator.calls).containsExactly(List.of("openslo/a.yaml:1:1", "openslo/a.yaml:6:1", "openslo/b.yaml:1:1"));
        assertThat(result.definitions().slos()).containsOnlyKeys("checkout-availability", "browse-availability", "search-latency");
    }

    @Test
    void shouldCheckTranslatedSlosAgainstTheServicesOfOurOwnFiles() {
        LoadResult result = loader.fromTexts(Map.of(
                "services.yaml", Fixtures.CATALOG, "openslo.yaml", openSlo("checkout-availability", "storefrnt")));

        assertThat(rendered(result)).containsExactly(
                "openslo.yaml:4:17: SLO \"checkout-availability\" names the unknown service \"storefrnt\"; did you mean \"storefront\"?");
    }

    @Test
    void shouldReportADuplicateBetweenATranslatedAndANativeSlo() {
        LoadResult result = loader.fromTexts(Map.of(
                "services.yaml", Fixtures.CATALOG, "a.yaml", ValidSlo.TEXT, "b.yaml", openSlo("checkout-availability", "storefront")));

        assertThat(rendered(result)).containsExactly(
                "b.yaml:3:18: SLO \"checkout-availability\" is already defined at a.yaml:3:18; names must be unique across all files");
    }

    @Test
    void shouldNameTheTranslatorsApiVersionsAmongTheAcceptedOnes() {
        LoadResult result = loader.fromTexts(Map.of("x.yaml", """
                apiVersion: sloth.slok.dev/v1
                kind: PrometheusServiceLevel
                """));

        assertThat(rendered(result)).containsExactly(
                "x.yaml:1:13: unknown apiVersion \"sloth.slok.dev/v1\"; accepted: slo-pipeline/v1, openslo/v1");
    }

    @Test
    void shouldKeepReadingOurOwnDocumentsWhateverATranslatorClaims() {
        NameAndServiceTranslator greedy = new NameAndServiceTranslator("slo-pipeline/v1");

        LoadResult result = DefinitionLoader.withTranslators(List.of(greedy))
                .fromTexts(Map.of("services.yaml", Fixtures.CATALOG, "slo.yaml", ValidSlo.TEXT));

        assertThat(result.problems()).isEmpty();
        assertThat(greedy.calls).isEmpty();
        assertThat(result.definitions().slos()).containsOnlyKeys("checkout-availability");
    }
}
