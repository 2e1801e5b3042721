package dev.slopipeline.router.routing.silence;

import java.util.List;

/** A silence request that cannot be accepted, with every reason at once so the author can fix them in one go. */
public final class InvalidSilenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSilenceException(List<String> problems) {
        super("invalid silence: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
