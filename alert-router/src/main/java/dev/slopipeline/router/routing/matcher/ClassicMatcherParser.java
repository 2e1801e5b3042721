package dev.slopipeline.router.routing.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The classic matcher syntax of Alertmanager 0.26 and older, still accepted as a fallback: a
 * Prometheus label name, an operator, and the rest of the text as the value, optionally
 * double-quoted, with OpenMetrics escapes ({@code \"}, {@code \n}, {@code \\}) and a lone backslash
 * taken literally.
 */
final class ClassicMatcherParser {

    private static final String GO_SPACE = "[\\t\\n\\f\\r ]";
    private static final Pattern MATCHER = Pattern.compile(
            "^" + GO_SPACE + "*([a-zA-Z_:][a-zA-Z0-9_:]*)" + GO_SPACE + "*(=~|=|!=|!~)" + GO_SPACE + "*(.*?)" + GO_SPACE + "*$",
            Pattern.DOTALL);

    private ClassicMatcherParser() {
    }

    /** The matchers, or empty if the text is not valid classic syntax. */
    static Optional<List<Matcher>> parse(String input) {
        String text = input.startsWith("{") ? input.substring(1) : input;
        text = text.endsWith("}") ? text.substring(0, text.length() - 1) : text;
        List<Matcher> result = new ArrayList<>();
        for (String token : splitOutsideQuotes(text)) {
            Optional<Matcher> matcher = parseOne(token);
            if (matcher.isEmpty()) {
                return Optional.empty();
            }
            result.add(matcher.get());
        }
        return Optional.of(result);
    }

    /** Commas inside double quotes (escaped quotes do not count) do not separate matchers. */
    private static List<String> splitOutsideQuotes(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inQuotes = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' && !inQuotes) {
                tokens.add(token.toString());
                token.setLength(0);
                continue;
            }
            if (c == '"') {
                if (escaped) {
                    escaped = false;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (c == '\\') {
                escaped = !escaped;
            } else {
                escaped = false;
            }
            token.append(c);
        }
        String last = token.toString().strip();
        if (!last.isEmpty()) {
            tokens.add(last);
        }
        return tokens;
    }

    static Optional<Matcher> parseOne(String token) {
        java.util.regex.Matcher parts = MATCHER.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Optional<String> value = unescape(parts.group(3));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Matcher.of(type(parts.group(2)), parts.group(1), value.get()));
        } catch (IllegalArgumentException invalidRegex) {
            return Optional.empty();
        }
    }

    private static MatchType type(String operator) {
        for (MatchType type : MatchType.values()) {
            if (type.operator().equals(operator)) {
                return type;
            }
        }
        throw new IllegalStateException("operator " + operator);
    }

    private static Optional<String> unescape(String raw) {
        boolean expectClosingQuote = raw.startsWith("\"");
        String body = expectClosingQuote ? raw.substring(1) : raw;
        StringBuilder value = new StringBuilder(body.length());
        boolean escaped = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean last = i == body.length() - 1;
            if (escaped) {
                escaped = false;
                switch (c) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.append(c);
                    default -> value.append('\\').append(c);
                }
            } else if (c == '\\') {
                if (last) {
                    value.append('\\');
                } else {
                    escaped = true;
                }
            } else if (c == '"') {
                if (!expectClosingQuote || !last) {
                    return Optional.empty();
                }
                expectClosingQuote = false;
            } else {
                value.append(c);
            }
        }
        return expectClosingQuote ? Optional.empty() : Optional.of(value.toString());
    }
}
