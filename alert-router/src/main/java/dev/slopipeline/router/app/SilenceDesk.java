package dev.slopipeline.router.app;

import dev.slopipeline.kit.http.Reply;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What both silence APIs (ours under {@code /api/v1}, Alertmanager's under {@code /api/v2}) do with a silence, told
 * as outcomes each API words its own way. The silences are read from the global store every instance holds; creates
 * and expiries become commands on {@code router.commands}, whose processor is the one writer of silences. A create is
 * checked against the same rules and limits first, so that a caller hears at once what is wrong instead of finding
 * the command in the dead-letter topic.
 *
 * <p>A create then waits, up to {@link #APPLY_WAIT}, for the command's outcome: applied (it mutes from then on),
 * refused where it was applied (another instance's silence took the last place under the limit a moment before,
 * say), or neither known by then (a rebalance), while the broker has the command. An expiry is done once the broker
 * has its command.
 */
final class SilenceDesk {

    /** Typically a commit interval or two; long enough for a create passed on to another partition's task. */
    static final Duration APPLY_WAIT = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofMillis(25);

    /** What became of a create. */
    sealed interface Created {

        /** The new silence's id once Kafka has it, applied or pending; empty when it was not taken. */
        default Optional<UUID> acceptedId() {
            return Optional.empty();
        }

        /** Applied: it mutes from now on. */
        record Applied(UUID id) implements Created {
            @Override
            public Optional<UUID> acceptedId() {
                return Optional.of(id);
            }
        }

        /** Kafka has the command, but it was neither applied nor refused within {@link #APPLY_WAIT}. */
        record Pending(UUID id) implements Created {
            @Override
            public Optional<UUID> acceptedId() {
                return Optional.of(id);
            }
        }

        /** Not a valid silence: every problem with it. */
        record Invalid(List<String> problems) implements Created {
        }

        /** Over {@code router.silences.max}, here or where it was applied. */
        record Refused(String reason) implements Created {
        }

        /** Kafka or the store could not be reached; the reply says which. */
        record Failed(Reply reply) implements Created {
        }
    }

    /** What became of an expiry. */
    sealed interface Expired {

        record Sent() implements Expired {
        }

        record Unknown() implements Expired {
        }

        record Failed(Reply reply) implements Expired {
        }
    }

    private final CommandSender sender;
    private final String commandsTopic;
    private final Supplier<ReadOnlyKeyValueStore<String, byte[]>> store;
    private final Function<String, Optional<String>> refusals;
    private final SilenceLimits limits;
    private final Clock clock;
    private final SilenceCommandCodec commands = new SilenceCommandCodec();
    private final SilencesCodec silences = new SilencesCodec();

    /** @param refusals why the processor refused the command of a silence id, once it did */
    SilenceDesk(Producer<String, byte[]> producer, String commandsTopic,
                Supplier<ReadOnlyKeyValueStore<String, byte[]>> store, Function<String, Optional<String>> refusals,
                SilenceLimits limits, Clock clock) {
        this.sender = new CommandSender(producer);
        this.commandsTopic = commandsTopic;
        this.store = store;
        this.refusals = refusals;
        this.limits = limits;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** Answers from every stored silence and the time now; 503 while the global store is not readable yet. */
    Reply read(BiFunction<Silences, Instant, Reply> answer) {
        Silences all;
        try {
            all = stored();
        } catch (InvalidStateStoreException e) {
            return notReadable(e);
        }
        return answer.apply(all, clock.instant());
    }

    /**
     * Every stored silence, under this router's limits.
     *
     * @throws InvalidStateStoreException while the global store is not readable (see {@link #notReadable})
     */
    Silences stored() {
        List<Silence> stored = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.get().all()) {
            entries.forEachRemaining(entry -> stored.addAll(silences.decode(entry.value)));
        }
        Silences all = new Silences(limits);
        all.replaceAll(stored);
        return all;
    }

    /** Records the name of the token that sent it beside {@code createdBy}, for the audit trail. */
    Created create(SilenceRequest request, ApiToken actingToken) {
        SilenceRequest silence = request.withCreatedByToken(actingToken.name());
        UUID id = UUID.randomUUID();
        try {
            // A scratch copy of the rules; the command processor applies them again, against the real silences.
            stored().create(id, silence, clock.instant());
        } catch (InvalidSilenceException e) {
            return new Created.Invalid(e.problems());
        } catch (TooManySilencesException e) {
            return new Created.Refused(e.getMessage());
        } catch (InvalidStateStoreException e) {
            return new Created.Failed(notReadable(e));
        }
        Optional<Reply> failed = sender.send(commandsTopic, id.toString(), commands.encode(new SilenceCommand.Create(id,
                silence)));
        return failed.<Created>map(Created.Failed::new).orElseGet(() -> outcome(id));
    }

    Expired expire(UUID id) {
        String key = id.toString();
        try {
            if (store.get().get(key) == null) {
                return new Expired.Unknown();
            }
        } catch (InvalidStateStoreException e) {
            return new Expired.Failed(notReadable(e));
        }
        return sender.send(commandsTopic, key, commands.encode(new SilenceCommand.Expire(id)))
                .<Expired>map(Expired.Failed::new).orElseGet(Expired.Sent::new);
    }

    static Reply notReadable(InvalidStateStoreException e) {
        return Reply.error(503, "the silences are not readable yet: " + e.getMessage()).withHeader("Retry-After", "1");
    }

    /** Waits for the create of {@code id} to be applied or refused, up to {@link #APPLY_WAIT}. */
    private Created outcome(UUID id) {
        String key = id.toString();
        long deadline = System.nanoTime() + APPLY_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Optional<String> refused = refusals.apply(key);
                if (refused.isPresent()) {
                    return new Created.Refused("the router refused the silence: " + refused.get());
                }
                if (applied(key)) {
                    return new Created.Applied(id);
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Created.Pending(id);
    }

    private boolean applied(String key) {
        try {
            return store.get().get(key) != null;
        } catch (InvalidStateStoreException notYet) {
            return false;
        }
    }
}
