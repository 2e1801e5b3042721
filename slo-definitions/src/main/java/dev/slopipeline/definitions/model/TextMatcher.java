package dev.slopipeline.definitions.model;

import dev.slopipeline.kit.regex.GoRegex;

/** Matches an operation or check name: exactly, or by a fully anchored regular expression. */
public sealed interface TextMatcher permits TextMatcher.Exact, TextMatcher.Regex {

    boolean matches(String text);

    record Exact(String value) implements TextMatcher {
        @Override
        public boolean matches(String text) {
            return value.equals(text);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * Go's RE2 syntax, as in Prometheus, anchored at both ends: {@code POST /charge.*} does not match
     * {@code GET /x/POST /charge}. Matched in time linear in the name, which the event's producer controls.
     */
    record Regex(GoRegex regex) implements TextMatcher {

        /** @throws dev.slopipeline.kit.regex.InvalidRegexException saying what RE2 refuses in the expression */
        public static Regex compile(String expression) {
            return new Regex(GoRegex.wholeText(expression));
        }

        @Override
        public boolean matches(String text) {
            return regex.matches(text);
        }

        @Override
        public String toString() {
            return "~" + regex.expression();
        }
    }
}
