package dev.slopipeline.router.oncall.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.router.notification.LabelledAlert;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Decides, at each tick, whether the silent-pipeline page must fire or resolve, from the heartbeats every instance
 * keeps in a global store (key: {@code <application id>/<instance>}, value: the heartbeat JSON
 * {@code {"source","instance","at","state"}}). The pipeline is alive while any instance's latest heartbeat in state
 * RUNNING or REBALANCING is at most {@code silent_after} old.
 *
 * <p>It keeps no state of its own: whether the page fires is read from the alerts the grouping engine holds (saved
 * with it), so a restart neither repeats nor forgets it. Its start is the last heartbeat plus {@code silent_after},
 * the same on every tick, so taking it in again changes nothing.
 */
public final class HeartbeatWatch {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ALIVE = Set.of("RUNNING", "REBALANCING");

    private final HeartbeatConfig config;
    private final ReadOnlyKeyValueStore<String, byte[]> heartbeats;
    private final Instant watchingSince;

    /** @param watchingSince when the router started watching: with no heartbeat at all, silence counts from then */
    public HeartbeatWatch(HeartbeatConfig config, ReadOnlyKeyValueStore<String, byte[]> heartbeats, Instant watchingSince) {
        this.config = config;
        this.heartbeats = heartbeats;
        this.watchingSince = watchingSince;
    }

    /**
     * The alert transition to take in now, if any.
     *
     * @param held the alerts the grouping engine holds
     */
    public Optional<LabelledAlert> check(Instant now, List<LabelledAlert> held) {
        Optional<LabelledAlert> firing = held.stream().filter(SilentPipelineAlert::isFiring).findFirst();
        Instant lastSign = lastHeartbeat().filter(at -> at.isAfter(watchingSince)).orElse(watchingSince);
        boolean silent = lastSign.plus(config.silentAfter()).isBefore(now);
        if (silent && firing.isEmpty()) {
            return Optional.of(SilentPipelineAlert.firing(lastSign, lastSign.plus(config.silentAfter())));
        }
        if (!silent && firing.isPresent()) {
            return Optional.of(SilentPipelineAlert.resolved(firing.get(), now));
        }
        return Optional.empty();
    }

    private Optional<Instant> lastHeartbeat() {
        Instant latest = null;
        try (KeyValueIterator<String, byte[]> entries = heartbeats.all()) {
            while (entries.hasNext()) {
                Optional<Instant> at = aliveAt(entries.next().value);
                if (at.isPresent() && (latest == null || at.get().isAfter(latest))) {
                    latest = at.get();
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The heartbeat's time, if it says its sender is alive; empty for anything else. */
    public static Optional<Instant> aliveAt(byte[] value) {
        try {
            JsonNode json = MAPPER.readTree(value);
            if (json == null || !ALIVE.contains(json.path("state").asText())) {
                return Optional.empty();
            }
            return Optional.of(Instant.parse(json.path("at").asText()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
