package dev.slopipeline.streams.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Handler;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.util.List;
import java.util.Optional;

/**
 * {@code /healthz} or {@code /readyz}: 200 {@code {"status":"<ok>"}} when every check passes, otherwise
 * 503 {@code {"status":"<failing>","reasons":[...]}} with every failing check's reason. Served as a probe, on the
 * server's own threads: every check must answer at once.
 */
public final class HealthEndpoint implements Handler {

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
        if (reasons.isEmpty()) {
            return Reply.json(200, Json.object().put("status", okStatus));
        }
        ObjectNode body = Json.object().put("status", failingStatus);
        ArrayNode reasonList = body.putArray("reasons");
        reasons.forEach(reasonList::add);
        return Reply.json(503, body);
    }
}
