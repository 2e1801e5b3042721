package dev.slopipeline.router.routing.inhibit;

import dev.slopipeline.router.routing.matcher.Matchers;
import java.util.List;
import java.util.Optional;

/**
 * While an alert matching {@code source} fires, alerts matching {@code target} are muted, provided
 * both have the same values for the {@code equal} labels (a missing label counts as empty).
 */
public record InhibitRule(Optional<String> name, Matchers source, Matchers target, List<String> equal) {

    public InhibitRule {
        equal = List.copyOf(equal);
    }
}
