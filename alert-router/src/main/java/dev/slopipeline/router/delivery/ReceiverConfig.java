package dev.slopipeline.router.delivery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of channels; a receiver with none discards what is routed to it.
 *
 * @param fallback the receiver that takes over a notification this one keeps failing to deliver (an slo-pipeline
 *                 extension of Alertmanager's format); it exists, has exactly one channel, and no chain of fallbacks
 *                 comes back to where it started
 */
public record ReceiverConfig(String name, List<ChannelConfig> channels, Optional<String> fallback) {

    public ReceiverConfig {
        channels = List.copyOf(channels);
        Objects.requireNonNull(fallback, "fallback");
    }
}
