package dev.slopipeline.router.topology;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.deadletter.DeadLetterRecord;
import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.Silences;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of silences: applies {@code router.commands} with {@link Silences}' rules against the
 * silences of its partitions (commands are keyed by silence id, so one task owns each silence) and publishes every
 * resulting silence to the compacted {@code router.silences} topic, from which every instance reads all of them.
 * A refused command (unreadable, invalid, duplicate id, unknown id) goes to the dead-letter topic with the reason.
 * Silences that ended {@link Silences#RETENTION} ago are forgotten with a tombstone.
 */
final class SilenceCommandProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /** Retention is counted in days; checking hourly keeps at most an hour's worth of extra history. */
    private static final Duration GC_INTERVAL = Duration.ofHours(1);

    private final String commandsTopic;
    private final SilenceCommandCodec commands = new SilenceCommandCodec();
    private final SilenceRecords records = new SilenceRecords();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private Cancellable gc;

    SilenceCommandProcessor(String commandsTopic) {
        this.commandsTopic = commandsTopic;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RouterTopology.SILENCE_COMMANDS_STORE);
        gc = context.schedule(GC_INTERVAL, PunctuationType.WALL_CLOCK_TIME, timestamp -> forgetOld());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Decoded<SilenceCommand> decoded = commands.decode(key, record.value());
        if (decoded instanceof Decoded.Invalid<SilenceCommand> invalid) {
            refuse(record, invalid.reason());
            return;
        }
        SilenceCommand command = ((Decoded.Ok<SilenceCommand>) decoded).value();
        Silences owned = new Silences();
        current(command.id()).ifPresent(existing -> owned.replaceAll(List.of(existing)));
        Silence result;
        try {
            if (command instanceof SilenceCommand.Create create) {
                result = owned.create(create.id(), create.request(), now());
            } else {
                result = owned.expire(command.id(), now());
            }
        } catch (IllegalArgumentException | NoSuchElementException e) {
            refuse(record, e.getMessage());
            return;
        }
        publish(result.id().toString(), records.encode(result));
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.cancel();
        }
    }

    private Optional<Silence> current(UUID id) {
        return Optional.ofNullable(store.get(id.toString())).flatMap(value -> records.decodeOrSkip(id.toString(), value));
    }

    private void forgetOld() {
        Silences owned = new Silences();
        List<Silence> all = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.all()) {
            entries.forEachRemaining((KeyValue<String, byte[]> entry) -> {
                Optional<Silence> silence = records.decodeOrSkip(entry.key, entry.value);
                if (silence.isPresent()) {
                    all.add(silence.get());
                } else {
                    unreadable.add(entry.key);
                }
            });
        }
        // forgotten, so that the warning is not repeated forever and the id can be reused by a new silence
        unreadable.forEach(id -> publish(id, null));
        owned.replaceAll(all);
        if (owned.gc(now()) == 0) {
            return;
        }
        Set<UUID> kept = new HashSet<>();
        owned.all().forEach(s -> kept.add(s.id()));
        all.stream().filter(s -> !kept.contains(s.id())).forEach(s -> publish(s.id().toString(), null));
    }

    /** Into the local store and onto the silences topic; a null value forgets the silence. */
    private void publish(String id, byte[] silence) {
        if (silence == null) {
            store.delete(id);
        } else {
            store.put(id, silence);
        }
        context.forward(new Record<>(id.getBytes(StandardCharsets.UTF_8), silence, context.currentSystemTimeMs()),
                RouterTopology.SILENCES_SINK);
    }

    private void refuse(Record<byte[], byte[]> record, String reason) {
        context.forward(DeadLetterRecord.of(record, commandsTopic, reason), RouterTopology.SILENCE_DEAD_LETTER_SINK);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
