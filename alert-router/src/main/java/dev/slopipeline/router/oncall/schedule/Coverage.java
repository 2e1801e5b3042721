package dev.slopipeline.router.oncall.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Who one part of a schedule (a layer, the overrides) has on call, as a step function of time. Its
 * answer can only change at a boundary, which lets {@link OnCall} walk from boundary to boundary
 * instead of sampling.
 */
interface Coverage {

    Optional<String> userAt(Instant instant);

    /** The first boundary strictly after the instant, if there is one. */
    Optional<Instant> nextBoundaryAfter(Instant instant);

    /** The last boundary at or before the instant, if there is one. */
    Optional<Instant> lastBoundaryAtOrBefore(Instant instant);
}
