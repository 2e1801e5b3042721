package dev.slopipeline.streams.reload;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.model.ServiceDefinition;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions in force for one topology: those loaded from a folder at start, overlaid by those
 * on the definitions topic (a global store of YAML texts by record key). An SLO or Service named on
 * the topic replaces the folder's of the same name; a tombstone removes the topic's version (a
 * folder definition of that name comes back in force).
 *
 * <p>Rebuilt lazily: the global store's update processor only counts updates, and the next stream
 * processor to ask parses the whole topic once, however many records arrived in between. When the
 * topic's texts have errors the last good definitions stay in force and every problem is logged as
 * {@code key:line:col: message}. The topic's texts are loaded as one set, so an SLO there must name a
 * Service that is also there (as {@code slo apply} of a linted folder publishes it).
 *
 * <p>Thread-safe: the global thread reports updates, any stream thread may rebuild.
 */
public final class LiveDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDefinitions.class);
    /** The folder's definitions are in force before the store has been read at all. */
    private static final long NEVER_READ = -1;

    private final DefinitionSet folder;
    private final TopologyMetrics metrics;
    private final AtomicLong updates = new AtomicLong();
    private volatile DefinitionsSnapshot current;
    private volatile long readAtUpdate = NEVER_READ;

    public LiveDefinitions(DefinitionSet folder, TopologyMetrics metrics) {
        this.folder = folder;
        this.metrics = metrics;
        this.current = DefinitionsSnapshot.of(0, folder);
    }

    /** Called by the global store's processor after each change to the store. */
    void updated() {
        updates.incrementAndGet();
    }

    /** The definitions in force, after reading the store if it changed since it was last read. */
    public DefinitionsSnapshot current(ReadOnlyKeyValueStore<String, String> texts) {
        if (readAtUpdate == updates.get()) {
            return current;
        }
        synchronized (this) {
            long seen = updates.get();
            if (readAtUpdate != seen) {
                rebuild(texts);
                readAtUpdate = seen;
            }
            return current;
        }
    }

    private void rebuild(ReadOnlyKeyValueStore<String, String> store) {
        Map<String, String> texts = new TreeMap<>();
        try (KeyValueIterator<String, String> entries = store.all()) {
            while (entries.hasNext()) {
                KeyValue<String, String> entry = entries.next();
                texts.put(entry.key, entry.value);
            }
        }
        LoadResult loaded = Definitions.loadTexts(texts);
        if (loaded.hasErrors()) {
            metrics.definitionsRefused();
            LOG.error("definitions topic has {} error(s); the definitions in force stay as they were", loaded.errors().size());
            loaded.problems().forEach(problem -> LOG.error("{}", problem));
            return;
        }
        metrics.definitionsRead();
        loaded.warnings().forEach(problem -> LOG.warn("{}", problem));
        DefinitionSet merged = overlay(folder, loaded.definitions());
        if (!merged.equals(current.definitions())) {
            current = DefinitionsSnapshot.of(current.version() + 1, merged);
            LOG.info("definitions version {} in force: {} services, {} SLOs", current.version(),
                    merged.services().size(), merged.slos().size());
        }
    }

    private static DefinitionSet overlay(DefinitionSet base, DefinitionSet top) {
        Map<String, ServiceDefinition> services = new LinkedHashMap<>(base.services());
        services.putAll(top.services());
        Map<String, SloDefinition> slos = new LinkedHashMap<>(base.slos());
        slos.putAll(top.slos());
        return new DefinitionSet(services, slos);
    }
}
