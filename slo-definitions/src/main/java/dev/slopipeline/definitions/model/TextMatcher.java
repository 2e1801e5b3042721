package dev.slopipeline.definitions.model;

import java.util.regex.Pattern;

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

    /** Anchored at both ends, as in Alertmanager and Prometheus: {@code POST /charge.*} does not match {@code GET /x/POST /charge}. */
    record Regex(Pattern pattern) implements TextMatcher {
        public static Regex compile(String expression) {
            return new Regex(Pattern.compile(expression));
        }

        @Override
        public boolean matches(String text) {
            return pattern.matcher(text).matches();
        }

        @Override
        public String toString() {
            return "~" + pattern.pattern();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Regex r && r.pattern.pattern().equals(pattern.pattern());
        }

        @Override
        public int hashCode() {
            return pattern.pattern().hashCode();
        }
    }
}
