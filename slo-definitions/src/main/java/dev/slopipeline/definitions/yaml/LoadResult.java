package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.Problem;

import dev.slopipeline.definitions.model.DefinitionSet;
import java.util.List;

/**
 * What a load found. {@code definitions} holds every definition that was valid even when others were
 * not, so that each caller decides: the linter refuses the set, the running app keeps its last good one.
 *
 * @param problems errors and warnings, by file, line and column
 */
public record LoadResult(DefinitionSet definitions, List<Problem> problems) {

    public LoadResult {
        problems = problems.stream().sorted(Problem.IN_FILE_ORDER).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
