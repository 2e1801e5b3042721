package dev.slopipeline.router.routing.matcher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads matcher text the way Alertmanager does by default ("fallback mode"): first with the UTF-8
 * syntax; text that only the classic syntax accepts is still read, with a warning that suggests the
 * UTF-8 spelling; text both syntaxes accept but read differently is read as classic, with a warning.
 */
public final class MatcherParser {

    private MatcherParser() {
    }

    /**
     * A list of matchers such as {@code {severity="page", team=~"pay.*"}}, braces optional.
     *
     * @throws MatcherSyntaxException with the UTF-8 syntax's explanation when neither syntax accepts the text
     */
    public static ParsedMatchers parse(String input) {
        List<Matcher> utf8;
        try {
            utf8 = Utf8MatcherParser.parse(input);
        } catch (MatcherSyntaxException e) {
            List<Matcher> classic = ClassicMatcherParser.parse(input).orElseThrow(() -> e);
            return new ParsedMatchers(classic, Optional.of(classicOnly(input, classic)));
        }
        Optional<List<Matcher>> classic = ClassicMatcherParser.parse(input);
        if (classic.isPresent() && !classic.get().equals(utf8)) {
            return new ParsedMatchers(classic.get(), Optional.of(disagreement(input, classic.get(), utf8)));
        }
        return new ParsedMatchers(utf8, Optional.empty());
    }

    /**
     * Exactly one matcher without braces, as amtool reads each {@code label=value} argument.
     *
     * @throws MatcherSyntaxException when the text is not one matcher
     */
    public static ParsedMatchers parseSingle(String input) {
        if (input.startsWith("{") || input.endsWith("}")) {
            throw new MatcherSyntaxException(input.startsWith("{") ? 1 : input.codePointCount(0, input.length()),
                    "write a single matcher without braces");
        }
        List<Matcher> utf8;
        try {
            utf8 = Utf8MatcherParser.parse(input);
            if (utf8.size() != 1) {
                throw new MatcherSyntaxException(1, utf8.isEmpty() ? "no matcher" : "expected one matcher, found " + utf8.size());
            }
        } catch (MatcherSyntaxException e) {
            Matcher classic = ClassicMatcherParser.parseOne(input).orElseThrow(() -> e);
            return new ParsedMatchers(List.of(classic), Optional.of(classicOnly(input, List.of(classic))));
        }
        Optional<Matcher> classic = ClassicMatcherParser.parseOne(input);
        if (classic.isPresent() && !classic.get().equals(utf8.get(0))) {
            return new ParsedMatchers(List.of(classic.get()), Optional.of(disagreement(input, List.of(classic.get()), utf8)));
        }
        return new ParsedMatchers(utf8, Optional.empty());
    }

    private static String classicOnly(String input, List<Matcher> classic) {
        return "matcher '" + input + "' uses the classic syntax that Alertmanager is phasing out; it is read as "
                + print(classic) + ", write it that way (double-quote values and regular expressions)";
    }

    private static String disagreement(String input, List<Matcher> classic, List<Matcher> utf8) {
        return "matcher '" + input + "' reads as " + print(classic) + " in the classic syntax but as " + print(utf8)
                + " in the UTF-8 syntax; the classic reading is used, as Alertmanager does; rewrite it so both agree";
    }

    private static String print(List<Matcher> matchers) {
        if (matchers.isEmpty()) {
            return "{}";
        }
        return matchers.stream().map(Matcher::toString).collect(Collectors.joining(","));
    }
}
