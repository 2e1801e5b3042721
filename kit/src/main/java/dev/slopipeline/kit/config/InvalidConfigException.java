package dev.slopipeline.kit.config;

import java.util.List;

/** Every mistake in a configuration, one line each, after a heading; the message holds them all. */
public final class InvalidConfigException extends IllegalArgumentException {

    private final transient List<String> problems;

    public InvalidConfigException(String heading, List<String> problems) {
        super(heading + String.join("", problems.stream().map(problem -> "\n  " + problem).toList()));
        this.problems = List.copyOf(problems);
    }

    /** One line each, with the key and where it was set. */
    public List<String> problems() {
        return problems;
    }
}
