package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import dev.slopipeline.router.topology.SilenceCommandCodec;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /api/v1/silences}: lists the silences, creates and expires them through the {@link SilenceDesk}.
 *
 * <p>A create answers 202 once the silence is applied (it mutes from then on), 422 with the reason when it was
 * refused over the limit (here, or where it was applied), and 202 too when neither is known within
 * {@link SilenceDesk#APPLY_WAIT} (a rebalance), as the broker has the command. An expiry answers 202 once the broker
 * has its command.
 */
final class SilenceEndpoints {

    static final String PATH = "/api/v1/silences";

    private final SilenceDesk desk;
    private final SilenceCommandCodec commands = new SilenceCommandCodec();

    SilenceEndpoints(SilenceDesk desk) {
        this.desk = desk;
    }

    Reply list(Request request) {
        return desk.read((all, now) -> {
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("silences");
            all.list(Matchers.NONE, now).forEach(silence -> items.add(json(silence, now)));
            return Reply.json(200, body);
        });
    }

    /** Records the name of the token that sent it beside {@code createdBy}, for the audit trail. */
    Reply create(Request request, ApiToken actingToken) {
        Decoded<SilenceRequest> decoded = commands.decodeRequest(request.body(), desk.clock().instant());
        if (decoded instanceof Decoded.Invalid<SilenceRequest> invalid) {
            return Reply.error(400, "not a silence: " + invalid.reason());
        }
        SilenceDesk.Created created = desk.create(((Decoded.Ok<SilenceRequest>) decoded).value(), actingToken);
        if (created instanceof SilenceDesk.Created.Applied applied) {
            return Reply.json(202, Json.object().put("id", applied.id().toString()));
        }
        if (created instanceof SilenceDesk.Created.Pending pending) {
            return Reply.json(202, Json.object().put("id", pending.id().toString()).put("message", "Kafka has the "
                    + "silence; it was not applied within " + SilenceDesk.APPLY_WAIT.toSeconds() + " s (the router may "
                    + "be rebalancing): list the silences to see it"));
        }
        if (created instanceof SilenceDesk.Created.Invalid invalid) {
            ObjectNode body = Json.object().put("error", "the silence is not valid").put("status", 400);
            invalid.problems().forEach(body.putArray("problems")::add);
            return Reply.json(400, body);
        }
        if (created instanceof SilenceDesk.Created.Refused refused) {
            return Reply.error(422, refused.reason());
        }
        return ((SilenceDesk.Created.Failed) created).reply();
    }

    Reply expire(Request request) {
        String text = request.pathParameter("id");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "\"" + text + "\" is not a silence id; expected a UUID");
        }
        SilenceDesk.Expired expired = desk.expire(id);
        if (expired instanceof SilenceDesk.Expired.Sent) {
            return Reply.json(202, Json.object().put("id", id.toString()));
        }
        if (expired instanceof SilenceDesk.Expired.Unknown) {
            return Reply.error(404, "no silence with id " + id + " (a silence created a moment ago may not be "
                    + "applied yet; try again in a second)");
        }
        return ((SilenceDesk.Expired.Failed) expired).reply();
    }

    private static ObjectNode json(Silence silence, Instant now) {
        ObjectNode item = Json.object().put("id", silence.id().toString());
        ArrayNode matchers = item.putArray("matchers");
        silence.matchers().all().forEach(matcher -> matchers.add(matcher.toString()));
        item.put("startsAt", silence.startsAt().toString())
                .put("endsAt", silence.endsAt().toString())
                .put("updatedAt", silence.updatedAt().toString())
                .put("createdBy", silence.createdBy())
                .put("createdByToken", silence.createdByToken().orElse(null))
                .put("comment", silence.comment());
        item.putObject("status").put("state", silence.state(now).name().toLowerCase(Locale.ROOT));
        return item;
    }
}
