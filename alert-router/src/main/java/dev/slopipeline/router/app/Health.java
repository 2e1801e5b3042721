package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /healthz} and {@code /readyz}, open to all (probes carry no tokens): each check names what is wrong, or
 * nothing.
 */
final class Health {

    private final List<Supplier<Optional<String>>> liveness;
    private final List<Supplier<Optional<String>>> readiness;

    Health(List<Supplier<Optional<String>>> liveness, List<Supplier<Optional<String>>> readiness) {
        this.liveness = List.copyOf(liveness);
        this.readiness = List.copyOf(readiness);
    }

    Reply live(Request request) {
        return answer(liveness, "alive");
    }

    Reply ready(Request request) {
        return answer(readiness, "ready");
    }

    private static Reply answer(List<Supplier<Optional<String>>> checks, String good) {
        List<String> problems = checks.stream().map(Supplier::get).flatMap(Optional::stream).toList();
        if (problems.isEmpty()) {
            return Reply.json(200, Json.object().put("status", good));
        }
        ObjectNode body = Json.object().put("status", "not " + good);
        problems.forEach(body.putArray("reasons")::add);
        return Reply.json(503, body);
    }
}
