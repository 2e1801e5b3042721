package dev.slopipeline.router.config;

import dev.slopipeline.kit.yaml.Problem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of reading a router config: the config when it has no errors, and every problem found
 * (warnings included), sorted by line.
 */
public record LoadedConfig(Optional<RouterConfig> config, List<Problem> problems) {

    public LoadedConfig {
        problems = List.copyOf(problems);
    }

    /**
     * @throws IllegalArgumentException listing every error as {@code file:line:col: message}, one a line
     */
    public RouterConfig orElseThrow() {
        return config.orElseThrow(() -> new IllegalArgumentException(problems.stream()
                .filter(Problem::isError)
                .map(Problem::toString)
                .collect(Collectors.joining("\n"))));
    }
}
