package dev.slopipeline.definitions.yaml;

/**
 * The dotted paths under which {@link Declared#fields()} records where things were written. A
 * translator from another language records what it can under the same paths, so that the cross
 * checks point at the right line whatever the source; a path it leaves out falls back to the
 * start of the document.
 */
public final class FieldPaths {

    /** {@code metadata.name}: where duplicate names are reported. */
    public static final String NAME = "metadata.name";
    /** {@code spec.service}: where an unknown service is reported. */
    public static final String SERVICE = "spec.service";
    /** {@code spec.objective}: where a pair that can never fire is reported. */
    public static final String OBJECTIVE = "spec.objective";
    /** {@code spec.window}: where a default pair longer than the window is reported. */
    public static final String WINDOW = "spec.window";

    private FieldPaths() {
    }

    /** Where the name of an alert pair was written ({@code spec.alerting.pairs.page-fast}). */
    public static String pair(String pairName) {
        return "spec.alerting.pairs." + pairName;
    }

    /** Where a field of an alert pair was written ({@code spec.alerting.pairs.page-fast.longWindow}). */
    public static String pairField(String pairName, String field) {
        return pair(pairName) + "." + field;
    }
}
