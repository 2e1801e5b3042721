package dev.slopipeline.definitions.publish;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.publish.DocumentTexts.DocumentText;
import dev.slopipeline.definitions.publish.SourceTexts.SourceText;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.kit.yaml.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A definition set as the records of the compacted {@code slo.definitions} topic: one record per document,
 * keyed by what it defines, its value the document as written. The app rebuilds its set with
 * {@link Definitions#loadTexts} over the current values by key, so its messages name the record key as
 * the file.
 *
 * <p>Only a set that loads without errors becomes records: the running app would keep its last good set
 * and ignore a broken one, and a user should hear about that at apply time, not from the app's log.
 */
public final class DefinitionRecords {

    private final Map<String, String> valuesByKey;
    private final List<Problem> problems;

    private DefinitionRecords(Map<String, String> valuesByKey, List<Problem> problems) {
        this.valuesByKey = Collections.unmodifiableMap(new TreeMap<>(valuesByKey));
        this.problems = problems.stream().sorted(Problem.IN_FILE_ORDER).toList();
    }

    /**
     * Validates the files and folders with {@link Definitions#load} and cuts every document into its record.
     * With errors there are no records, and the problems say why.
     */
    public static DefinitionRecords fromFiles(List<Path> paths) {
        LoadResult loaded = Definitions.load(paths);
        if (loaded.hasErrors()) {
            return new DefinitionRecords(Map.of(), loaded.problems());
        }
        List<Problem> problems = new ArrayList<>(loaded.problems());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceLocation> firstSeen = new LinkedHashMap<>();
        for (SourceText source : SourceTexts.read(paths)) {
            for (DocumentText document : DocumentTexts.cut(source.text())) {
                SourceLocation at = new SourceLocation(source.displayName(), document.line(), 1);
                Optional<String> key = RecordKeys.keyOf(document.root());
                if (key.isEmpty()) {
                    problems.add(Problem.error(at, "a published document needs apiVersion, kind and metadata.name: "
                            + "they make its record key"));
                } else if (firstSeen.containsKey(key.get())) {
                    problems.add(Problem.error(at, key.get() + " is defined twice, here and at " + firstSeen.get(key.get())
                            + "; one record key holds one document, so rename or remove one"));
                } else {
                    firstSeen.put(key.get(), at);
                    values.put(key.get(), "# from " + source.displayName() + ":" + document.line() + "\n" + document.text());
                }
            }
        }
        problems.addAll(roundTripProblems(loaded, values, paths));
        boolean refused = problems.stream().anyMatch(Problem::isError);
        return new DefinitionRecords(refused ? Map.of() : values, problems);
    }

    /**
     * What the app will load from the records must be what was validated from the files. Cutting text out of
     * a file can only differ on YAML this class does not expect (directives, tags on the document), and a
     * silent difference would page on definitions nobody reviewed.
     */
    private static List<Problem> roundTripProblems(LoadResult fromFiles, Map<String, String> values, List<Path> paths) {
        LoadResult fromRecords = Definitions.loadTexts(values);
        if (!fromRecords.hasErrors() && fromRecords.definitions().equals(fromFiles.definitions())) {
            return List.of();
        }
        String detail = fromRecords.errors().stream().findFirst().map(p -> ": " + p).orElse("");
        return List.of(Problem.error(new SourceLocation(paths.isEmpty() ? "" : paths.get(0).toString(), 1, 1),
                "the documents cut out of these files do not load as the files do" + detail
                        + "; remove YAML directives and document-level tags, or report this"));
    }

    /** Sorted by key; empty when refused. */
    public List<DefinitionRecord> records() {
        return valuesByKey.entrySet().stream().map(e -> new DefinitionRecord(e.getKey(), e.getValue())).toList();
    }

    /** Values by record key, sorted by key; what {@link Definitions#loadTexts} takes. */
    public Map<String, String> valuesByKey() {
        return valuesByKey;
    }

    /** Errors (which refuse the set) and warnings, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    public boolean isRefused() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** What publishing these records would do to a topic that currently holds {@code current}. */
    public DefinitionChanges changesFrom(Map<String, String> current) {
        if (isRefused()) {
            throw new IllegalStateException("the definitions have errors and cannot be published: " + problems);
        }
        return DefinitionChanges.between(current, valuesByKey);
    }
}
