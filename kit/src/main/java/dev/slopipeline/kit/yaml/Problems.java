package dev.slopipeline.kit.yaml;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found, so that a user sees all of them at once. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void error(SourceLocation where, String message) {
        found.add(Problem.error(where, message));
    }

    public void warning(SourceLocation where, String message) {
        found.add(Problem.warning(where, message));
    }

    public void add(Problem problem) {
        found.add(problem);
    }

    public boolean hasErrors() {
        return found.stream().anyMatch(Problem::isError);
    }

    public int errorCount() {
        return (int) found.stream().filter(Problem::isError).count();
    }

    /** Sorted by file, line and column. */
    public List<Problem> sorted() {
        return found.stream().sorted(Problem.IN_FILE_ORDER).toList();
    }
}
