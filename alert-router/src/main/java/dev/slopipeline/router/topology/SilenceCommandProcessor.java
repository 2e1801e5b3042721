package dev.slopipeline.router.topology;

import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.deadletter.DeadLetterRecord;
import dev.slopipeline.router.routing.silence.Silence;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import dev.slopipeline.router.routing.silence.Silences;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The single writer of silences: applies {@code router.commands} with {@link Silences}' rules and publishes every
 * resulting silence to the compacted {@code router.silences} topic, from which every instance reads all of them.
 *
 * <p>One task creates every silence: the one of partition {@value #ADMISSION_PARTITION} of {@code router.commands}.
 * A create that lands on another partition is passed on to that one first, so creates are checked one after the
 * other against every silence there is, and the limits on their number and length hold however many instances run
 * and whichever instance's API took the request. The silences it creates are its own, in its store; the others, from
 * before creates went to one partition, stay with the task of their id's partition (commands are keyed by silence
 * id) and are counted through the global store. An expiry goes to the task that holds the silence: its own
 * partition's if that one holds it, else partition {@value #ADMISSION_PARTITION}'s.
 *
 * <p>A refused command (unreadable, invalid, over a limit, duplicate id, unknown id) goes to the dead-letter topic
 * with the reason, where the API looks for it to tell the caller. Silences that ended {@link Silences#RETENTION} ago
 * are forgotten with a tombstone.
 */
final class SilenceCommandProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /** The partition whose task creates every silence. */
    static final int ADMISSION_PARTITION = 0;
    /** Retention is counted in days; checking hourly keeps at most an hour's worth of extra history. */
    private static final Duration GC_INTERVAL = Duration.ofHours(1);

    private final String commandsTopic;
    private final SilenceLimits limits;
    private final SilenceCommandCodec commands = new SilenceCommandCodec();
    private final SilenceRecords records = new SilenceRecords();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private ReadOnlyKeyValueStore<String, byte[]> globalSilences;
    private Cancellable gc;

    SilenceCommandProcessor(String commandsTopic, SilenceLimits limits) {
        this.commandsTopic = commandsTopic;
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(RouterTopology.SILENCE_COMMANDS_STORE);
        this.globalSilences = context.getStateStore(RouterTopology.SILENCES_STORE);
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
        Optional<Silence> held = current(command.id());
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(ADMISSION_PARTITION);
        if (partition != ADMISSION_PARTITION && (command instanceof SilenceCommand.Create || held.isEmpty())) {
            context.forward(record, RouterTopology.SILENCE_ADMISSION_SINK);
            return;
        }
        Silence result;
        try {
            if (command instanceof SilenceCommand.Create create) {
                result = everySilence().create(create.id(), create.request(), now());
            } else {
                Silences owned = new Silences(limits);
                held.ifPresent(existing -> owned.replaceAll(List.of(existing)));
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

    /**
     * Every silence with this task's limits: its own as it last wrote them, and those other tasks hold as the global
     * store has them. The global store may lag behind an expiry elsewhere, which only counts a silence too many.
     */
    private Silences everySilence() {
        Map<String, Silence> all = new HashMap<>();
        try (KeyValueIterator<String, byte[]> entries = globalSilences.all()) {
            entries.forEachRemaining(entry -> records.decodeOrSkip(entry.key, entry.value)
                    .ifPresent(silence -> all.put(entry.key, silence)));
        }
        try (KeyValueIterator<String, byte[]> entries = store.all()) {
            entries.forEachRemaining(entry -> records.decodeOrSkip(entry.key, entry.value)
                    .ifPresent(silence -> all.put(entry.key, silence)));
        }
        Silences silences = new Silences(limits);
        silences.replaceAll(all.values());
        return silences;
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
