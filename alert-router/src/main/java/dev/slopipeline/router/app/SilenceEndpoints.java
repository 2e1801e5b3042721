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
import dev.slopipeline.router.routing.silence.SilenceLimits;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import dev.slopipeline.router.routing.silence.Silences;
import dev.slopipeline.router.routing.silence.SilencesCodec;
import dev.slopipeline.router.routing.silence.TooManySilencesException;
import dev.slopipeline.router.topology.SilenceCommand;
import dev.slopipeline.router.topology.SilenceCommandCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code /api/v1/silences}: lists the silences from the global store every instance holds, and turns creates and
 * expiries into commands on {@code router.commands}. The topology's command processor is the one writer of
 * silences; the API checks a request against the same rules and limits first, so that a caller hears at once what is
 * wrong instead of finding the command in the dead-letter topic.
 *
 * <p>A create then waits, up to {@link #APPLY_WAIT}, for the command's outcome: 202 once the silence is applied (it
 * mutes from then on), 422 with the reason when the processor refused it (another instance's silence took the last
 * place under the limit a moment before, say), and 202 too when neither is known by then (a rebalance), as the
 * broker has the command. An expiry answers 202 once the broker has its command.
 */
final class SilenceEndpoints {

    static final String PATH = "/api/v1/silences";
    /** Typically a commit interval or two; long enough for a create passed on to another partition's task. */
    static final Duration APPLY_WAIT = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofMillis(25);

    private final CommandSender sender;
    private final String commandsTopic;
    private final Supplier<ReadOnlyKeyValueStore<String, byte[]>> store;
    private final Function<String, Optional<String>> refusals;
    private final SilenceLimits limits;
    private final Clock clock;
    private final SilenceCommandCodec commands = new SilenceCommandCodec();
    private final SilencesCodec silences = new SilencesCodec();

    /** @param refusals why the processor refused the command of a silence id, once it did */
    SilenceEndpoints(Producer<String, byte[]> producer, String commandsTopic,
                     Supplier<ReadOnlyKeyValueStore<String, byte[]>> store, Function<String, Optional<String>> refusals,
                     SilenceLimits limits, Clock clock) {
        this.sender = new CommandSender(producer);
        this.commandsTopic = commandsTopic;
        this.store = store;
        this.refusals = refusals;
        this.limits = limits;
        this.clock = clock;
    }

    Reply list(Request request) {
        Instant now = clock.instant();
        Silences all;
        try {
            all = stored();
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("silences");
        all.list(Matchers.NONE, now).forEach(silence -> items.add(json(silence, now)));
        return Reply.json(200, body);
    }

    /** Records the name of the token that sent it beside {@code createdBy}, for the audit trail. */
    Reply create(Request request, ApiToken actingToken) {
        Instant now = clock.instant();
        Decoded<SilenceRequest> decoded = commands.decodeRequest(request.body(), now);
        if (decoded instanceof Decoded.Invalid<SilenceRequest> invalid) {
            return Reply.error(400, "not a silence: " + invalid.reason());
        }
        SilenceRequest silence = ((Decoded.Ok<SilenceRequest>) decoded).value().withCreatedByToken(actingToken.name());
        UUID id = UUID.randomUUID();
        try {
            // A scratch copy of the rules; the command processor applies them again, against the real silences.
            stored().create(id, silence, now);
        } catch (InvalidSilenceException e) {
            ObjectNode body = Json.object().put("error", "the silence is not valid").put("status", 400);
            e.problems().forEach(body.putArray("problems")::add);
            return Reply.json(400, body);
        } catch (TooManySilencesException e) {
            return Reply.error(422, e.getMessage());
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        Optional<Reply> failed = sender.send(commandsTopic, id.toString(), commands.encode(new SilenceCommand.Create(id,
                silence)));
        return failed.orElseGet(() -> outcome(id));
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
        String key = id.toString();
        return sender.send(commandsTopic, key, commands.encode(new SilenceCommand.Expire(id)))
                .orElseGet(() -> Reply.json(202, Json.object().put("id", key)));
    }

    /** Waits for the create of {@code id} to be applied or refused, up to {@link #APPLY_WAIT}. */
    private Reply outcome(UUID id) {
        String key = id.toString();
        long deadline = System.nanoTime() + APPLY_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Optional<String> refused = refusals.apply(key);
                if (refused.isPresent()) {
                    return Reply.error(422, "the router refused the silence: " + refused.get());
                }
                if (applied(key)) {
                    return Reply.json(202, Json.object().put("id", key));
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Reply.json(202, Json.object().put("id", key).put("message", "Kafka has the silence; it was not applied "
                + "within " + APPLY_WAIT.toSeconds() + " s (the router may be rebalancing): list the silences to see it"));
    }

    private boolean applied(String key) {
        try {
            return store.get().get(key) != null;
        } catch (InvalidStateStoreException notYet) {
            return false;
        }
    }

    /** Every stored silence, under this router's limits. */
    private Silences stored() {
        List<Silence> stored = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.get().all()) {
            entries.forEachRemaining(entry -> stored.addAll(silences.decode(entry.value)));
        }
        Silences all = new Silences(limits);
        all.replaceAll(stored);
        return all;
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
                .put("createdByToken", silence.createdByToken().orElse(null))
                .put("comment", silence.comment());
        item.putObject("status").put("state", silence.state(now).name().toLowerCase(Locale.ROOT));
        return item;
    }
}
