package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.InvalidSilenceException;
import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import dev.slopipeline.router.routing.silence.Silences;
import dev.slopipeline.router.routing.silence.SilencesCodec;
import dev.slopipeline.router.topology.SilenceCommand;
import dev.slopipeline.router.topology.SilenceCommandCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code /api/v1/silences}: lists the silences from the global store every instance holds, and turns creates and
 * expiries into commands on {@code router.commands}. The topology's command processor is the one writer of
 * silences; the API checks a request against the same rules first, so that a caller hears at once what is wrong
 * instead of finding the command in the dead-letter topic. A 202 means the broker has the command; the silence takes
 * effect once the topology has applied it, typically within a second.
 */
final class SilenceEndpoints {

    static final String PATH = "/api/v1/silences";

    private final CommandSender sender;
    private final String commandsTopic;
    private final Supplier<ReadOnlyKeyValueStore<String, byte[]>> store;
    private final Clock clock;
    private final SilenceCommandCodec commands = new SilenceCommandCodec();
    private final SilencesCodec silences = new SilencesCodec();

    SilenceEndpoints(Producer<String, byte[]> producer, String commandsTopic,
                     Supplier<ReadOnlyKeyValueStore<String, byte[]>> store, Clock clock) {
        this.sender = new CommandSender(producer);
        this.commandsTopic = commandsTopic;
        this.store = store;
        this.clock = clock;
    }

    Reply list(Request request) {
        Instant now = clock.instant();
        List<Silence> stored = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.get().all()) {
            entries.forEachRemaining(entry -> stored.addAll(silences.decode(entry.value)));
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        Silences all = new Silences();
        all.replaceAll(stored);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("silences");
        all.list(Matchers.NONE, now).forEach(silence -> items.add(json(silence, now)));
        return Reply.json(200, body);
    }

    Reply create(Request request, ApiToken actingToken) {
        Instant now = clock.instant();
        Decoded<SilenceRequest> decoded = commands.decodeRequest(request.body(), now);
        if (decoded instanceof Decoded.Invalid<SilenceRequest> invalid) {
            return Reply.error(400, "not a silence: " + invalid.reason());
        }
        SilenceRequest silence = ((Decoded.Ok<SilenceRequest>) decoded).value();
        UUID id = UUID.randomUUID();
        try {
            // A scratch copy of the rules; the command processor applies them again, against the real silences.
            new Silences().create(id, silence, now);
        } catch (InvalidSilenceException e) {
            ObjectNode body = Json.object().put("error", "the silence is not valid").put("status", 400);
            e.problems().forEach(body.putArray("problems")::add);
            return Reply.json(400, body);
        }
        return send(new SilenceCommand.Create(id, silence));
    }

    Reply expire(Request request) {
        String text = request.pathParameter("id");
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "\"" + text + "\" is not a silence id; expected a UUID");
        }
        try {
            if (store.get().get(id.toString()) == null) {
                return Reply.error(404, "no silence with id " + id + " (a silence created a moment ago may not be "
                        + "applied yet; try again in a second)");
            }
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        return send(new SilenceCommand.Expire(id));
    }

    private Reply send(SilenceCommand command) {
        String key = command.id().toString();
        return sender.send(commandsTopic, key, commands.encode(command))
                .orElseGet(() -> Reply.json(202, Json.object().put("id", key)));
    }

    private static Reply notReadable(InvalidStateStoreException e) {
        return Reply.error(503, "the silences are not readable yet: " + e.getMessage()).withHeader("Retry-After", "1");
    }

    private static ObjectNode json(Silence silence, Instant now) {
        ObjectNode item = Json.object().put("id", silence.id().toString());
        ArrayNode matchers = item.putArray("matchers");
        silence.matchers().all().forEach(matcher -> matchers.add(matcher.toString()));
        item.put("startsAt", silence.startsAt().toString())
                .put("endsAt", silence.endsAt().toString())
                .put("updatedAt", silence.updatedAt().toString())
                .put("createdBy", silence.createdBy())
                .put("comment", silence.comment());
        item.putObject("status").put("state", silence.state(now).name().toLowerCase(Locale.ROOT));
        return item;
    }
}
