package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlDocuments;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a set of definitions: files and folders from the command line, or texts arriving over Kafka.
 * Every problem in every file is reported at once, and what was valid is kept.
 *
 * <p>Documents in other SLO languages are read by the {@link DocumentTranslator}s given to
 * {@link #withTranslators(List)}; without one, only {@code slo-pipeline/v1} is read.
 */
public final class DefinitionLoader {

    private static final DefinitionLoader OWN_LANGUAGE_ONLY = new DefinitionLoader(List.of());

    private final List<DocumentTranslator> translators;

    private DefinitionLoader(List<DocumentTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    /** A loader that hands documents of the translators' apiVersions to them; the first that claims one wins. */
    public static DefinitionLoader withTranslators(List<DocumentTranslator> translators) {
        return new DefinitionLoader(translators);
    }

    /** Loads slo-pipeline/v1 files; see {@link #fromPaths(List)}. */
    public static LoadResult load(List<Path> paths) {
        return OWN_LANGUAGE_ONLY.fromPaths(paths);
    }

    /** Loads slo-pipeline/v1 texts; see {@link #fromTexts(Map)}. */
    public static LoadResult loadTexts(Map<String, String> textsByDisplayName) {
        return OWN_LANGUAGE_ONLY.fromTexts(textsByDisplayName);
    }

    /**
     * @param paths files, or folders read recursively for {@code *.yaml} and {@code *.yml} in path order;
     *     problems name a file by the path as given joined with its path inside the folder
     *     ({@code slos/shop/checkout.yaml})
     */
    public LoadResult fromPaths(List<Path> paths) {
        Problems problems = new Problems();
        LoadSession session = new LoadSession(translators, problems);
        for (SourceFiles.SourceFile file : SourceFiles.expand(paths, problems)) {
            session.file(file.displayName(), () -> YamlDocuments.read(file.path(), file.displayName(), problems));
        }
        return session.finish();
    }

    /** @param textsByDisplayName file contents by the name problems should give them; read in name order */
    public LoadResult fromTexts(Map<String, String> textsByDisplayName) {
        Problems problems = new Problems();
        LoadSession session = new LoadSession(translators, problems);
        new TreeMap<>(textsByDisplayName).forEach((name, text) ->
                session.file(name, () -> YamlDocuments.read(name, text, problems)));
        return session.finish();
    }
}
