package dev.slopipeline.router.config;

import java.util.List;

/** A named set of channels; a receiver with none discards what is routed to it. */
public record Receiver(String name, List<ChannelConfig> channels) {

    public Receiver {
        channels = List.copyOf(channels);
    }
}
