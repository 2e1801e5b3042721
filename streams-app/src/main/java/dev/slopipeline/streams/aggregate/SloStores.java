package dev.slopipeline.streams.aggregate;

import dev.slopipeline.streams.store.NeverRestored;
import dev.slopipeline.streams.store.Part;
import dev.slopipeline.streams.store.PartSink;
import dev.slopipeline.streams.store.SloKeyspace;
import java.util.List;
import java.util.SortedSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The four state stores of the SLO aggregates, each keyed {@code <slo> NUL <part>}. Every SLO with
 * state in a task has its alert-state part, so that store also lists the SLOs a task owns.
 */
public final class SloStores {

    public static final String WINDOWS = "slo-windows";
    public static final String ALERT_STATES = "slo-alert-states";
    public static final String CONTRIBUTORS = "slo-contributors";
    public static final String HEALTH_CONTEXT = "slo-health-context";

    /**
     * The latest status JSON by SLO name ({@code status.StatusCodec}), as on {@code slo.status}: what the
     * HTTP API reads through interactive queries. Keyed by plain SLO name, unlike the part stores.
     */
    public static final String STATUS = "slo-status";

    /** Every part store, as the topology declares them. */
    public static final List<String> NAMES = List.of(WINDOWS, ALERT_STATES, CONTRIBUTORS, HEALTH_CONTEXT);

    /** Where one SLO's parts go. */
    record Sinks(PartSink windows, PartSink alertStates, PartSink contributors, PartSink healthContext) {
    }

    /** One SLO's parts as stored. */
    record Loaded(List<Part> windows, List<Part> alertStates, List<Part> contributors, List<Part> healthContext) {
        boolean isEmpty() {
            return windows.isEmpty() && alertStates.isEmpty() && contributors.isEmpty() && healthContext.isEmpty();
        }
    }

    private final SloKeyspace windows;
    /** Whether anything rebuilds state from the window store, so that the windows are written through to it. */
    private final boolean windowsRestored;
    private final SloKeyspace alertStates;
    private final SloKeyspace contributors;
    private final SloKeyspace healthContext;

    SloStores(ProcessorContext<?, ?> context) {
        this.windows = keyspace(context, WINDOWS);
        this.windowsRestored = !(context.getStateStore(WINDOWS) instanceof NeverRestored);
        this.alertStates = keyspace(context, ALERT_STATES);
        this.contributors = keyspace(context, CONTRIBUTORS);
        this.healthContext = keyspace(context, HEALTH_CONTEXT);
    }

    Sinks sinksFor(String slo) {
        return new Sinks(windows.partsOf(slo), alertStates.partsOf(slo), contributors.partsOf(slo), healthContext.partsOf(slo));
    }

    /** False when no state is ever rebuilt from the window store (see {@link NeverRestored}). */
    boolean windowsRestored() {
        return windowsRestored;
    }

    Loaded load(String slo) {
        return new Loaded(windows.read(slo), alertStates.read(slo), contributors.read(slo), healthContext.read(slo));
    }

    /** The window parts only: the windows start again under a new plan. */
    void deleteWindows(String slo) {
        windows.deleteAll(slo);
    }

    void deleteAll(String slo) {
        windows.deleteAll(slo);
        alertStates.deleteAll(slo);
        contributors.deleteAll(slo);
        healthContext.deleteAll(slo);
    }

    /** The SLOs with state in this task. */
    SortedSet<String> slos() {
        return alertStates.slos();
    }

    private static SloKeyspace keyspace(ProcessorContext<?, ?> context, String name) {
        KeyValueStore<Bytes, byte[]> store = context.getStateStore(name);
        return new SloKeyspace(store);
    }
}
