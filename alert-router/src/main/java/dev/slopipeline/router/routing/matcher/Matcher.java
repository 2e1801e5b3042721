package dev.slopipeline.router.routing.matcher;

import dev.slopipeline.kit.regex.GoRegex;
import java.util.Objects;

/**
 * One label condition such as {@code severity="page"} or {@code team=~"pay.*"}. Regular expressions
 * are Go's RE2 syntax, anchored at both ends as in Alertmanager: {@code team=~"pay"} does not match
 * {@code payments}. A label the alert does not have is compared as the empty string.
 */
public final class Matcher {

    private final MatchType type;
    private final String name;
    private final String value;
    private final GoRegex anchored;

    private Matcher(MatchType type, String name, String value, GoRegex anchored) {
        this.type = type;
        this.name = name;
        this.value = value;
        this.anchored = anchored;
    }

    /**
     * @throws dev.slopipeline.kit.regex.InvalidRegexException if a regex matcher's value is not a regular
     *         expression Go's RE2 accepts
     */
    public static Matcher of(MatchType type, String name, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        GoRegex anchored = type.isRegex() ? GoRegex.labelMatcher(value) : null;
        return new Matcher(type, name, value, anchored);
    }

    public MatchType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Whether a label value (the empty string for a missing label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        switch (type) {
            case EQUAL:
                return labelValue.equals(value);
            case NOT_EQUAL:
                return !labelValue.equals(value);
            case REGEX:
                return anchored.matches(labelValue);
            case NOT_REGEX:
                return !anchored.matches(labelValue);
            default:
                throw new IllegalStateException("unknown match type " + type);
        }
    }

    /**
     * As Alertmanager prints it, so that route keys are the same: {@code name="value"} with OpenMetrics
     * escaping, or both sides Go-quoted when the name holds characters only the UTF-8 syntax allows.
     */
    @Override
    public String toString() {
        if (name.codePoints().anyMatch(MatcherLexer::isReserved)) {
            return GoStrings.quote(name) + type.operator() + GoStrings.quote(value);
        }
        return name + type.operator() + "\"" + openMetricsEscape(value) + "\"";
    }

    private static String openMetricsEscape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matcher that
                && type == that.type && name.equals(that.name) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }
}
