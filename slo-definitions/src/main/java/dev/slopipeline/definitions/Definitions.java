package dev.slopipeline.definitions;

import dev.slopipeline.definitions.openslo.OpenSloTranslator;
import dev.slopipeline.definitions.yaml.DefinitionLoader;
import dev.slopipeline.definitions.yaml.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the apps and the command line load definitions: our own language and OpenSLO v1 together,
 * so an OpenSLO SLO may name a Service written in our language and the other way round.
 */
public final class Definitions {

    private static final DefinitionLoader LOADER = DefinitionLoader.withTranslators(List.of(new OpenSloTranslator()));

    private Definitions() {
    }

    /** Files, and folders searched recursively for {@code *.yaml} and {@code *.yml}. */
    public static LoadResult load(List<Path> paths) {
        return LOADER.fromPaths(paths);
    }

    /** Texts by display name, as definitions arrive from Kafka. */
    public static LoadResult loadTexts(Map<String, String> textsByDisplayName) {
        return LOADER.fromTexts(textsByDisplayName);
    }
}
