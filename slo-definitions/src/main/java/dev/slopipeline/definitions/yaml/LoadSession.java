package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceLocation;

import dev.slopipeline.definitions.model.DefinitionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One load, file by file: our documents go to the {@link DocumentReader}, documents in another
 * language wait for their translator, and at the end everything meets the {@link CrossChecks}.
 */
final class LoadSession {

    private final List<DocumentTranslator> translators;
    private final Problems problems;
    private final Declarations declarations = new Declarations();
    private final DocumentReader reader;
    private final Map<DocumentTranslator, List<YamlNode>> translated = new LinkedHashMap<>();

    LoadSession(List<DocumentTranslator> translators, Problems problems) {
        this.translators = translators;
        this.problems = problems;
        this.reader = new DocumentReader(problems, declarations, acceptedApiVersions(translators));
    }

    void file(String displayName, Supplier<List<YamlNode>> read) {
        int errorsBefore = problems.errorCount();
        List<YamlNode> documents = read.get();
        if (documents.isEmpty() && problems.errorCount() == errorsBefore) {
            problems.warning(new SourceLocation(displayName, 1, 1),
                    "no documents in this file; add a Service or SLO document, or remove the file");
        }
        for (YamlNode document : documents) {
            Optional<DocumentTranslator> translator = translatorFor(document);
            if (translator.isPresent()) {
                translated.computeIfAbsent(translator.get(), t -> new ArrayList<>()).add(document);
            } else {
                reader.read(document);
            }
        }
    }

    LoadResult finish() {
        translated.forEach((translator, documents) ->
                translator.translate(List.copyOf(documents), problems, declarations::service, declarations::slo));
        DefinitionSet definitions = CrossChecks.check(declarations, problems);
        return new LoadResult(definitions, problems.sorted());
    }

    private Optional<DocumentTranslator> translatorFor(YamlNode document) {
        Optional<String> apiVersion = document.field("apiVersion").flatMap(YamlNode::scalarText)
                .filter(version -> !version.equals(DocumentReader.API_VERSION));
        return apiVersion.flatMap(version -> translators.stream()
                .filter(t -> t.apiVersions().contains(version))
                .findFirst());
    }

    private static List<String> acceptedApiVersions(List<DocumentTranslator> translators) {
        TreeSet<String> others = new TreeSet<>();
        translators.forEach(t -> others.addAll(t.apiVersions()));
        others.remove(DocumentReader.API_VERSION);
        List<String> accepted = new ArrayList<>(List.of(DocumentReader.API_VERSION));
        accepted.addAll(others);
        return accepted;
    }
}
