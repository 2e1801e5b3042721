package dev.slopipeline.streams.http;

import java.util.Optional;

/** One thing the app needs to be healthy or ready, saying what is wrong when it is not there. */
@FunctionalInterface
public interface HealthCheck {

    /** Empty when fine; otherwise a reason a person on call can act on. */
    Optional<String> problem();
}
