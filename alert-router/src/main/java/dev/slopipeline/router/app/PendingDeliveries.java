package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.delivery.PendingDelivery;
import dev.slopipeline.router.delivery.RetryState;
import java.util.List;
import java.util.function.Supplier;

/** {@code /api/v1/deliveries/pending}: what this instance is still trying to deliver, and why it has not yet. */
final class PendingDeliveries {

    static final String PATH = "/api/v1/deliveries/pending";

    private final Supplier<List<PendingDelivery>> pending;

    PendingDeliveries(Supplier<List<PendingDelivery>> pending) {
        this.pending = pending;
    }

    Reply list(Request request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("pending");
        for (PendingDelivery delivery : pending.get()) {
            RetryState state = delivery.state();
            ObjectNode item = items.addObject()
                    .put("idempotencyKey", delivery.notification().idempotencyKey())
                    .put("groupKey", delivery.notification().groupKey())
                    .put("status", delivery.notification().status().wireName())
                    .put("alerts", delivery.notification().alerts().size())
                    .put("receiver", state.receiver())
                    .put("attempts", state.attempts())
                    .put("nextAttemptAt", state.nextAttemptAt().toString());
            if (state.lastError() != null) {
                item.put("lastError", state.lastError());
            }
        }
        return Reply.json(200, body);
    }
}
