package dev.slopipeline.streams.http;

import java.util.List;
import java.util.Optional;

/**
 * {@code /healthz} or {@code /readyz}: 200 {@code {"status":"<ok>"}} when every check passes, otherwise
 * 503 {@code {"status":"<failing>","reasons":[...]}} with every failing check's reason.
 */
public final class HealthEndpoint implements Endpoint {

    private final String okStatus;
    private final String failingStatus;
    private final List<HealthCheck> checks;

    public HealthEndpoint(String okStatus, String failingStatus, List<HealthCheck> checks) {
        this.okStatus = okStatus;
        this.failingStatus = failingStatus;
        this.checks = List.copyOf(checks);
    }

    /** Alive unless a check says the process cannot recover by itself. */
    public static HealthEndpoint liveness(List<HealthCheck> checks) {
        return new HealthEndpoint("alive", "dead", checks);
    }

    /** Ready to serve once every check passes. */
    public static HealthEndpoint readiness(List<HealthCheck> checks) {
        return new HealthEndpoint("ready", "not ready", checks);
    }

    @Override
    public Reply handle(Request request) {
        List<String> reasons = checks.stream().map(HealthCheck::problem).flatMap(Optional::stream).toList();
        return reasons.isEmpty()
                ? Reply.json(200, Json.object().put("status", okStatus))
                : Reply.unavailable(failingStatus, reasons);
    }
}
