package dev.slopipeline.definitions.yaml;

import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.kit.yaml.Problems;

import dev.slopipeline.definitions.model.DurationSyntax;
import java.time.Duration;
import java.util.Optional;

/** Reads a duration value, reporting {@link DurationSyntax}'s explanation at the value when it is refused. */
final class DurationReader {

    private DurationReader() {
    }

    static Optional<Duration> read(YamlNode node, String what, Problems problems) {
        // asText, not asString: a bare number (window: 30) deserves the "has no unit" explanation
        Optional<String> text = node.asText(problems, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationSyntax.parse(text.get()));
        } catch (IllegalArgumentException refused) {
            problems.error(node.location(), refused.getMessage());
            return Optional.empty();
        }
    }
}
