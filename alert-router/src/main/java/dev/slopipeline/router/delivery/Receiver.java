package dev.slopipeline.router.delivery;

import java.util.Objects;

/**
 * A named destination: a channel, where it delivers, and optionally another receiver to use when this one keeps
 * failing (two independent providers for the same audience, as one runs two DNS providers).
 *
 * @param fallback the name of the fallback receiver; null when there is none
 */
public record Receiver(String name, Channel channel, Target target, String fallback) {

    public Receiver {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a receiver needs a non-blank name");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        if (name.equals(fallback)) {
            throw new IllegalArgumentException("receiver " + name + " names itself as its fallback");
        }
    }

    public Receiver(String name, Channel channel, Target target) {
        this(name, channel, target, null);
    }
}
