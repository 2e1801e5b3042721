package dev.slopipeline.kit.http;

import java.util.Optional;

/** A check every request passes before it is routed: empty to let it through, or the reply that refuses it. */
@FunctionalInterface
public interface Guard {

    Optional<Reply> refusal(Request request);
}
