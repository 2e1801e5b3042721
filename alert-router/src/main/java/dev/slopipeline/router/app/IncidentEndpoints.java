package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.oncall.incident.Incident;
import dev.slopipeline.router.oncall.incident.IncidentCommand;
import dev.slopipeline.router.oncall.incident.IncidentCommandCodec;
import dev.slopipeline.router.oncall.incident.IncidentJson;
import dev.slopipeline.router.oncall.incident.IncidentView;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code /api/v1/incidents}: lists and shows incidents from the global incident store every instance holds, and
 * turns acknowledgements and resolutions into commands on {@code router.incident-commands}, keyed by the incident's
 * SLO so that the task that escalates it applies them, exactly once. A 202 means the broker has the command; the
 * incident shows its effect once the topology has applied it, typically within a second.
 */
final class IncidentEndpoints {

    static final String PATH = "/api/v1/incidents";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACK = "ack";
    private static final String RESOLVE = "resolve";

    private final CommandSender sender;
    private final String commandsTopic;
    private final Supplier<IncidentView> view;
    private final Clock clock;
    private final IncidentCommandCodec commands = new IncidentCommandCodec();

    IncidentEndpoints(CommandSender sender, String commandsTopic, Supplier<IncidentView> view,
                      Clock clock) {
        this.sender = sender;
        this.commandsTopic = commandsTopic;
        this.view = view;
        this.clock = clock;
    }

    /** {@code GET /api/v1/incidents?state=open|all}: open (the default) leaves the resolved out; newest first. */
    Reply list(Request request) {
        String state = request.parameter("state").orElse("open");
        if (!state.equals("open") && !state.equals("all")) {
            return Reply.error(400, "state must be open or all, got \"" + state + "\"");
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("incidents");
        try {
            view.get().all().stream()
                    .filter(incident -> state.equals("all") || incident.open())
                    .forEach(incident -> items.add(IncidentJson.summary(incident)));
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        return Reply.json(200, body);
    }

    /** {@code GET /api/v1/incidents/{id}}. */
    Reply show(Request request) {
        return withIncident(request.pathParameter("id"), incident -> Reply.json(200, IncidentJson.detail(incident)));
    }

    /**
     * {@code POST /api/v1/incidents/{id}/ack} and {@code .../resolve} with {@code {"by":"alice","comment":"..."}}; the
     * timeline records the name of the token that sent it beside {@code by}.
     */
    Reply act(Request request, ApiToken actingToken) {
        String verb = request.pathParameter("action");
        if (!verb.equals(ACK) && !verb.equals(RESOLVE)) {
            return Reply.error(404, "no endpoint at " + request.path() + "; use POST " + PATH + "/{id}/ack or "
                    + PATH + "/{id}/resolve");
        }
        IncidentCommand.Action action = verb.equals(ACK) ? IncidentCommand.Action.ACKNOWLEDGE
                : IncidentCommand.Action.RESOLVE;
        JsonNode body;
        try {
            body = request.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(request.body());
        } catch (IOException e) {
            return Reply.error(400, "the body is not JSON: " + e.getMessage());
        }
        JsonNode by = body == null ? null : body.get("by");
        if (by == null || !by.isTextual() || by.asText().isBlank()) {
            return Reply.error(400, "say who " + (action == IncidentCommand.Action.ACKNOWLEDGE ? "acknowledges" : "resolves")
                    + " the incident: {\"by\":\"<name>\"} (and optionally \"comment\")");
        }
        Optional<String> comment = Optional.ofNullable(body.get("comment")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).filter(text -> !text.isBlank());
        return withIncident(request.pathParameter("id"), incident -> act(incident, action, by.asText(), comment,
                actingToken.name()));
    }

    /**
     * Sends the command for the incident with this id; the signed links come here with the id their token names.
     *
     * @param credential what the caller showed, for the timeline: a token's name, or the signed link
     */
    Reply act(String id, IncidentCommand.Action action, String by, Optional<String> comment, String credential) {
        return withIncident(id, incident -> act(incident, action, by, comment, credential));
    }

    private Reply act(Incident incident, IncidentCommand.Action action, String by, Optional<String> comment,
                      String credential) {
        if (!incident.open()) {
            String resolved = incident.resolution().map(r -> " at " + r.at() + r.by().map(who -> " by " + who)
                    .orElse(" (the SLO recovered)")).orElse("");
            return Reply.error(409, "incident " + incident.id() + " was resolved" + resolved + "; there is nothing to "
                    + (action == IncidentCommand.Action.ACKNOWLEDGE ? "acknowledge" : "resolve"));
        }
        IncidentCommand command = new IncidentCommand(action, incident.id(), incident.slo(), by, comment, clock.instant(),
                Optional.of(credential));
        Optional<Reply> failed = sender.send(commandsTopic, incident.slo(), commands.encode(command));
        if (failed.isPresent()) {
            return failed.get();
        }
        String message = action == IncidentCommand.Action.ACKNOWLEDGE
                ? incident.acknowledgement().map(ack -> "already acknowledged by " + ack.by() + " at " + ack.at()
                        + "; nothing changes").orElse("acknowledgement accepted; escalation stops once it is applied")
                : "resolution accepted; everyone paged is told once it is applied";
        return Reply.json(202, Json.object().put("id", incident.id()).put("action", action.wireName())
                .put("by", by).put("message", message));
    }

    private Reply withIncident(String id, java.util.function.Function<Incident, Reply> then) {
        Optional<Incident> incident;
        try {
            incident = view.get().find(id);
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        return incident.map(then).orElseGet(() -> Reply.error(404, "no incident with id " + id));
    }

    private static Reply notReadable(InvalidStateStoreException e) {
        return Reply.error(503, "the incidents are not readable yet: " + e.getMessage()).withHeader("Retry-After", "1");
    }
}
