package dev.slopipeline.streams.http;

import dev.slopipeline.kit.http.Limits;
import dev.slopipeline.kit.http.ReplyObserver;
import dev.slopipeline.kit.http.Routes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The streams app's HTTP endpoints, served by {@code kit.http}: health and readiness as probes, metrics, the SLO
 * status API; GET only, every answer counted by endpoint and status ({@code slo_pipeline_http_requests_total}).
 */
public final class HttpEndpoints {

    /** GET only: a request body is a mistake, so the limit is small. */
    public static final Limits LIMITS = Limits.DEFAULT.withMaxBodyBytes(8 * 1024);

    private HttpEndpoints() {
    }

    public static Routes routes(PrometheusMeterRegistry registry, HealthEndpoint liveness, HealthEndpoint readiness,
                                SloStatusEndpoint status) {
        Routes routes = new Routes()
                .observe(counter(registry))
                .probe("/healthz", liveness)
                .probe("/readyz", readiness)
                .get("/metrics", new MetricsEndpoint(registry));
        return status.addTo(routes);
    }

    /** Counted before the answer leaves, so that a client's next scrape already includes it. */
    private static ReplyObserver counter(MeterRegistry registry) {
        return (route, status) -> Counter.builder("slo.pipeline.http.requests")
                .description("HTTP requests answered, by endpoint and status")
                .tag("endpoint", endpoint(route))
                .tag("status", String.valueOf(status))
                .register(registry)
                .increment();
    }

    /** A route's path up to its first parameter: {@code /api/v1/slos/{name}/history} counts as {@code /api/v1/slos}. */
    static String endpoint(String route) {
        int parameter = route.indexOf('{');
        String prefix = parameter < 0 ? route : route.substring(0, parameter);
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
