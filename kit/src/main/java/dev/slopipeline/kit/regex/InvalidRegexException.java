package dev.slopipeline.kit.regex;

/** A regular expression Go's RE2 refuses; the message names the expression and why. */
public final class InvalidRegexException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final String reason;

    InvalidRegexException(String expression, String reason) {
        super("invalid regular expression \"" + expression + "\": " + reason);
        this.expression = expression;
        this.reason = reason;
    }

    public String expression() {
        return expression;
    }

    /** What is wrong, in RE2's words where RE2 said it, e.g. {@code missing closing )}. */
    public String reason() {
        return reason;
    }
}
