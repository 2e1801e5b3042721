package dev.slopipeline.streams.app;

import java.util.List;

/** The names of the app's topics; see {@link StreamsAppKeys} for what each carries. */
public record Topics(String requests, String health, String dlq, String definitions, String alerts, String status, String heartbeat) {

    public List<String> all() {
        return List.of(requests, health, dlq, definitions, alerts, status, heartbeat);
    }
}
