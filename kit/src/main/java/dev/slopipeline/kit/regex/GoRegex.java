package dev.slopipeline.kit.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * A regular expression someone wrote in a config, an SLO or an API call, read in Go's RE2 syntax as
 * Prometheus and Alertmanager read it, and matched by RE2/J: the time to match grows with the length of
 * the text and of the expression only, so no expression can be made to backtrack for minutes on a
 * crafted label or operation name.
 *
 * <p>RE2/J lacks three limits of Go's parser; {@link GoParserLimits} applies them before compiling, so
 * that what Go refuses is refused here too instead of exhausting the stack or the heap.
 */
public final class GoRegex {

    private final String expression;
    private final Pattern pattern;
    private final boolean wholeText;

    private GoRegex(String expression, Pattern pattern, boolean wholeText) {
        this.expression = expression;
        this.pattern = pattern;
        this.wholeText = wholeText;
    }

    /**
     * An expression that must match the whole text, as Java's {@code Matcher.matches()}: {@code POST /charge.*}
     * does not match {@code GET /x/POST /charge}.
     *
     * @throws InvalidRegexException saying what Go's RE2 refuses in the expression
     */
    public static GoRegex wholeText(String expression) {
        return new GoRegex(expression, compile(expression, expression), true);
    }

    /**
     * A label matcher's value, compiled as Prometheus and Alertmanager compile it: {@code ^(?:value)$}, then
     * searched. The text wrapping is theirs too, so {@code a)|(b} is accepted and matches any value starting
     * with {@code a}, as it does there.
     *
     * @throws InvalidRegexException saying what Go's RE2 refuses in the value
     */
    public static GoRegex labelMatcher(String value) {
        return new GoRegex(value, compile(value, "^(?:" + value + ")$"), false);
    }

    private static Pattern compile(String written, String compiled) {
        Optional<String> overLimit = GoParserLimits.check(compiled);
        if (overLimit.isPresent()) {
            throw new InvalidRegexException(written, overLimit.get());
        }
        try {
            return Pattern.compile(compiled);
        } catch (PatternSyntaxException e) {
            throw new InvalidRegexException(written, reason(e, compiled));
        }
    }

    /** RE2's own wording, with the part of the expression it refers to unless that is all of it. */
    private static String reason(PatternSyntaxException e, String compiled) {
        String part = e.getPattern();
        if (part.equals("stack underflow")) {
            // RE2/J's report of a ")" that closes nothing; Go's wording
            return "unexpected )";
        }
        String reason = part.isEmpty() || part.equals(compiled) ? e.getDescription()
                : e.getDescription() + ": `" + part + "`";
        return reason + RefusalHints.hint(e.getDescription(), part);
    }

    /** The expression as it was written. */
    public String expression() {
        return expression;
    }

    public boolean matches(CharSequence text) {
        return wholeText ? pattern.matcher(text).matches() : pattern.matcher(text).find();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GoRegex that && wholeText == that.wholeText && expression.equals(that.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
