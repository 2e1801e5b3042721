package dev.slopipeline.kit.yaml;

import java.util.Comparator;

/** Something wrong (or suspicious) in the definitions, with where it is. */
public record Problem(Level level, SourceLocation location, String message) {

    public enum Level { ERROR, WARNING }

    /** File, then line, then column: the order in which a reader meets them. */
    public static final Comparator<Problem> IN_FILE_ORDER = Comparator.comparing(Problem::location, SourceLocation.IN_FILE_ORDER);

    public static Problem error(SourceLocation location, String message) {
        return new Problem(Level.ERROR, location, message);
    }

    public static Problem warning(SourceLocation location, String message) {
        return new Problem(Level.WARNING, location, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code file:line:col: message}, with {@code warning: } before the message of a warning. */
    @Override
    public String toString() {
        return location + ": " + (isError() ? "" : "warning: ") + message;
    }
}
