package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Alertmanager's silence endpoints ({@code GET/POST /api/v2/silences}, {@code GET/DELETE /api/v2/silence/{id}}),
 * on the same silences as ours through the {@link SilenceDesk}, so that amtool and Grafana manage them. A create
 * answers 200 {@code {"silenceID"}} once Kafka has it (applied, or not yet within the wait); 400 with the reason
 * when it is not valid or over the limit, as Alertmanager answers. Updating a silence by posting its {@code id} is
 * not offered: expire it and create another.
 */
final class AlertmanagerSilences {

    static final String LIST_PATH = "/api/v2/silences";
    static final String ONE_PATH = "/api/v2/silence/{id}";

    private final SilenceDesk desk;

    AlertmanagerSilences(SilenceDesk desk) {
        this.desk = desk;
    }

    /** {@code ?filter=} matchers as Alertmanager applies them to silences (see {@link dev.slopipeline.router.routing.silence.Silences#list}). */
    Reply list(Request request) {
        Matchers filter;
        try {
            filter = AlertmanagerJson.filter(request.parameters("filter"));
        } catch (IllegalArgumentException e) {
            return AlertmanagerJson.error(400, e.getMessage());
        }
        return desk.read((all, now) -> {
            ArrayNode items = Json.object().arrayNode();
            all.list(filter, now).forEach(silence -> items.add(AlertmanagerJson.silence(silence, now)));
            return Reply.json(200, items);
        });
    }

    Reply show(Request request) {
        Optional<UUID> id = id(request);
        return desk.read((all, now) -> id.flatMap(all::get)
                .map(silence -> Reply.json(200, AlertmanagerJson.silence(silence, now)))
                .orElseGet(() -> notFound(request)));
    }

    /** Records the name of the token that sent it beside {@code createdBy}, for the audit trail. */
    Reply create(Request request, ApiToken actingToken) {
        SilenceRequest silence;
        try {
            JsonNode body = Json.parse(request.body(), "the silence");
            if (body == null || !body.isObject()) {
                return AlertmanagerJson.error(400, "expected a silence: {\"matchers\", \"startsAt\", \"endsAt\", "
                        + "\"createdBy\", \"comment\"}");
            }
            if (body.hasNonNull("id") && !body.get("id").asText().isEmpty()) {
                return updateRefused(body.get("id").asText());
            }
            silence = new SilenceRequest(AlertmanagerJson.matchers(body),
                    AlertmanagerJson.time(body, "startsAt").orElse(desk.clock().instant()),
                    AlertmanagerJson.time(body, "endsAt").orElseThrow(() -> new IllegalArgumentException(
                            "field \"endsAt\": missing; say when the silence ends")),
                    AlertmanagerJson.text(body, "createdBy"), AlertmanagerJson.text(body, "comment"));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return AlertmanagerJson.error(400, e.getMessage());
        }
        SilenceDesk.Created created = desk.create(silence, actingToken);
        if (created instanceof SilenceDesk.Created.Applied applied) {
            return Reply.json(200, Json.object().put("silenceID", applied.id().toString()));
        }
        if (created instanceof SilenceDesk.Created.Pending pending) {
            return Reply.json(200, Json.object().put("silenceID", pending.id().toString()));
        }
        if (created instanceof SilenceDesk.Created.Invalid invalid) {
            return AlertmanagerJson.error(400, "the silence is not valid: " + String.join("; ", invalid.problems()));
        }
        if (created instanceof SilenceDesk.Created.Refused refused) {
            return AlertmanagerJson.error(400, refused.reason());
        }
        return ((SilenceDesk.Created.Failed) created).reply();
    }

    Reply expire(Request request) {
        Optional<UUID> id = id(request);
        if (id.isEmpty()) {
            return notFound(request);
        }
        SilenceDesk.Expired expired = desk.expire(id.get());
        if (expired instanceof SilenceDesk.Expired.Sent) {
            return new Reply(200, null, new byte[0], Map.of());
        }
        if (expired instanceof SilenceDesk.Expired.Unknown) {
            return notFound(request);
        }
        return ((SilenceDesk.Expired.Failed) expired).reply();
    }

    /** Alertmanager would update the silence in place or replace it; the router's silences change only by expiry. */
    private Reply updateRefused(String id) {
        try {
            if (desk.stored().get(UUID.fromString(id)).isEmpty()) {
                return AlertmanagerJson.error(404, "no silence with id " + id);
            }
        } catch (IllegalArgumentException e) {
            return AlertmanagerJson.error(404, "no silence with id " + id);
        } catch (InvalidStateStoreException e) {
            return SilenceDesk.notReadable(e);
        }
        return AlertmanagerJson.error(400, "the router does not update silences: expire silence " + id
                + " and create a new one without an \"id\"");
    }

    private static Optional<UUID> id(Request request) {
        try {
            return Optional.of(UUID.fromString(request.pathParameter("id")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Reply notFound(Request request) {
        return AlertmanagerJson.error(404, "no silence with id " + request.pathParameter("id")
                + " (a silence created a moment ago may not be applied yet; try again in a second)");
    }
}
