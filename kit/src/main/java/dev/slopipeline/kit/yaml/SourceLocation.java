package dev.slopipeline.kit.yaml;

import java.util.Comparator;

/** A place in a definitions file, 1-based as editors show it. */
public record SourceLocation(String file, int line, int column) {

    /** File, then line, then column: the order in which a reader meets them. */
    public static final Comparator<SourceLocation> IN_FILE_ORDER = Comparator
            .comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
