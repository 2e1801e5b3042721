package dev.slopipeline.streams.http;

import dev.slopipeline.kit.http.Handler;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code /metrics}: every meter of the registry in the Prometheus text format. */
public final class MetricsEndpoint implements Handler {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Reply handle(Request request) {
        return new Reply(200, PROMETHEUS_TEXT, registry.scrape().getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
