package dev.slopipeline.router.routing.matcher;

import java.util.List;
import java.util.Optional;

/**
 * Matchers read from text, with a warning when the text was only understood by the classic syntax
 * (or reads differently in the two syntaxes), as Alertmanager warns in its default fallback mode.
 */
public record ParsedMatchers(List<Matcher> matchers, Optional<String> warning) {

    public ParsedMatchers {
        matchers = List.copyOf(matchers);
    }
}
