package dev.slopipeline.router.routing.routetest;

import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.MatcherSyntaxException;
import dev.slopipeline.router.routing.matcher.ParsedMatchers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of a test alert, given on the command line as {@code name=value} arguments and read
 * as amtool reads them: each one a single matcher ({@code severity=page}, {@code summary="disk full"},
 * {@code "service name"=api}) whose operator must be {@code =}. A later argument for the same label wins.
 *
 * @param warnings one per argument only the classic matcher syntax accepts, naming the UTF-8 spelling
 */
public record LabelArguments(Map<String, String> labels, List<String> warnings) {

    public LabelArguments {
        labels = Map.copyOf(labels);
        warnings = List.copyOf(warnings);
    }

    /** @throws IllegalArgumentException naming the argument and what is wrong with it */
    public static LabelArguments parse(List<String> arguments) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (String argument : arguments) {
            ParsedMatchers parsed;
            try {
                parsed = MatcherParser.parseSingle(argument);
            } catch (MatcherSyntaxException e) {
                throw new IllegalArgumentException("cannot read the label '" + argument + "': character " + e.position()
                        + ": " + e.reason() + "; write labels as name=value");
            }
            Matcher matcher = parsed.matchers().get(0);
            if (matcher.type() != MatchType.EQUAL) {
                throw new IllegalArgumentException("the label '" + argument + "' uses \"" + matcher.type().operator()
                        + "\": a test alert has label values, not conditions; write it as " + matcher.name() + "=<value>");
            }
            labels.put(matcher.name(), matcher.value());
            parsed.warning().ifPresent(warnings::add);
        }
        return new LabelArguments(labels, warnings);
    }
}
