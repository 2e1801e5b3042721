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
 * when it is not valid or over the limit, as Alertmanager answers. Posting a silence with the {@code id} of another
 * replaces that one (the router never changes a silence in place).
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

    /**
     * Records the name of the token that sent it beside {@code createdBy}, for the audit trail. With the {@code id}
     * of a silence ({@code amtool silence update}), the new silence replaces it: it is created under a new id, which
     * the answer gives, and the old one expired, as Alertmanager replaces a silence whose matchers or start change.
     */
    Reply create(Request request, ApiToken actingToken) {
        SilenceRequest silence;
        Optional<UUID> replaced = Optional.empty();
        try {
            JsonNode body = Json.parse(request.body(), "the silence");
            if (body == null || !body.isObject()) {
                return AlertmanagerJson.error(400, "expected a silence: {\"matchers\", \"startsAt\", \"endsAt\", "
                        + "\"createdBy\", \"comment\"}");
            }
            if (body.hasNonNull("id") && !body.get("id").asText().isEmpty()) {
                replaced = known(body.get("id").asText());
                if (replaced.isEmpty()) {
                    return AlertmanagerJson.error(404, "no silence with id " + body.get("id").asText());
                }
            }
            silence = new SilenceRequest(AlertmanagerJson.matchers(body),
                    AlertmanagerJson.time(body, "startsAt").orElse(desk.clock().instant()),
                    AlertmanagerJson.time(body, "endsAt").orElseThrow(() -> new IllegalArgumentException(
                            "field \"endsAt\": missing; say when the silence ends")),
                    AlertmanagerJson.text(body, "createdBy"), AlertmanagerJson.text(body, "comment"));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return AlertmanagerJson.error(400, e.getMessage());
        } catch (InvalidStateStoreException e) {
            return SilenceDesk.notReadable(e);
        }
        SilenceDesk.Created created = desk.create(silence, actingToken);
        Optional<UUID> createdId = created.acceptedId();
        if (createdId.isPresent()) {
            // the new one first, so that what the old one muted stays muted
            if (replaced.isPresent() && desk.expire(replaced.get()) instanceof SilenceDesk.Expired.Failed failed) {
                return failed.reply();
            }
            return Reply.json(200, Json.object().put("silenceID", createdId.get().toString()));
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

    /**
     * The silence of this id, if there is one.
     *
     * @throws InvalidStateStoreException while the silences are not readable
     */
    private Optional<UUID> known(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return desk.stored().get(uuid).map(silence -> uuid);
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
