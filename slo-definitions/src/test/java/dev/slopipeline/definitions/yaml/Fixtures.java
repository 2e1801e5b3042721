package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads inline definitions and renders problems as a user sees them. */
final class Fixtures {

    /** A catalog with one service, so that an SLO under test has something to name. */
    static final String CATALOG = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: storefront}
            spec: {owner: team-shop, tier: 1}
            """;

    private Fixtures() {
    }

    /** Problems of {@code slo.yaml} holding the text, loaded beside {@code services.yaml} holding {@link #CATALOG}. */
    static List<String> problemsBesideCatalog(String text) {
        return problems(Map.of("services.yaml", CATALOG, "slo.yaml", text));
    }

    /** Problems of {@code file.yaml} holding the text, alone. */
    static List<String> problemsAlone(String text) {
        return problems(Map.of("file.yaml", text));
    }

    static List<String> problems(Map<String, String> texts) {
        return rendered(DefinitionLoader.loadTexts(new LinkedHashMap<>(texts)));
    }

    static List<String> rendered(LoadResult result) {
        return result.problems().stream().map(Problem::toString).toList();
    }
}
