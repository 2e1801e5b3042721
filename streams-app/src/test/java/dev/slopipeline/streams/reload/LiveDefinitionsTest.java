package dev.slopipeline.streams.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

class LiveDefinitionsTest {

    private static final String SERVICE = """
            apiVersion: slo-pipeline/v1
            kind: Service
            metadata: {name: shop}
            spec: {owner: team-shop}
            """;

    private static String slo(String name, String objective) {
        return """
                apiVersion: slo-pipeline/v1
                kind: SLO
                metadata: {name: %s}
                spec:
                  service: shop
                  indicator:
                    match: [{service: api}]
                    good: {status: {below: 500}}
                  objective: %s
                  window: 30d
                """.formatted(name, objective);
    }

    /** The global store as the update processor keeps it. */
    private static final class Texts implements ReadOnlyKeyValueStore<String, String> {
        final TreeMap<String, String> texts = new TreeMap<>();
        int reads;

        @Override
        public String get(String key) {
            return texts.get(key);
        }

        @Override
        public KeyValueIterator<String, String> range(String from, String to) {
            return iterator(texts.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, String> all() {
            reads++;
            return iterator(texts);
        }

        @Override
        public long approximateNumEntries() {
            return texts.size();
        }

        private static KeyValueIterator<String, String> iterator(Map<String, String> map) {
            Iterator<Map.Entry<String, String>> entries = Map.copyOf(map).entrySet().stream().sorted(Map.Entry.comparingByKey()).iterator();
            return new KeyValueIterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public KeyValue<String, String> next() {
                    Map.Entry<String, String> entry = entries.next();
                    return KeyValue.pair(entry.getKey(), entry.getValue());
                }

                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Texts texts = new Texts();

    private LiveDefinitions live(DefinitionSet folder) {
        return new LiveDefinitions(folder, new TopologyMetrics(meters));
    }

    private void apply(LiveDefinitions live, String key, String text) {
        if (text == null) {
            texts.texts.remove(key);
        } else {
            texts.texts.put(key, text);
        }
        live.updated();
    }

    @Test
    void shouldReadTheTopicOnceForManyUpdates() {
        LiveDefinitions live = live(DefinitionSet.empty());
        apply(live, "Service/shop", SERVICE);
        for (int i = 0; i < 1000; i++) {
            apply(live, "SLO/api", slo("api", "99." + (i % 9 + 1)));
        }

        DefinitionsSnapshot snapshot = live.current(texts);

        assertThat(texts.reads).isEqualTo(1);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.definitions().slos().get("api").objectivePercent()).isEqualTo(99.1);
        assertThat(live.current(texts)).isSameAs(snapshot);
        assertThat(texts.reads).as("nothing changed since").isEqualTo(1);
    }

    @Test
    void shouldOverlayTheFolderByNameAndFallBackToItOnATombstone() {
        DefinitionSet folder = Definitions.loadTexts(Map.of("f.yaml", SERVICE + "---\n" + slo("api", "99") + "---\n" + slo("web", "99"))).definitions();
        LiveDefinitions live = live(folder);

        apply(live, "Service/shop", SERVICE);
        apply(live, "SLO/api", slo("api", "99.9"));
        DefinitionSet overlaid = live.current(texts).definitions();
        apply(live, "SLO/api", null);
        DefinitionSet back = live.current(texts).definitions();

        assertThat(overlaid.slos().keySet()).containsExactly("api", "web");
        assertThat(overlaid.slos().get("api").objectivePercent()).isEqualTo(99.9);
        assertThat(back.slos().get("api").objectivePercent()).isEqualTo(99);
    }

    @Test
    void shouldKeepTheLastGoodDefinitionsWhenTheTopicHasErrors() {
        LiveDefinitions live = live(DefinitionSet.empty());
        apply(live, "Service/shop", SERVICE);
        apply(live, "SLO/api", slo("api", "99.9"));
        DefinitionsSnapshot good = live.current(texts);

        apply(live, "SLO/web", slo("web", "100"));

        assertThat(live.current(texts)).isSameAs(good);
        assertThat(meters.counter(TopologyMetrics.DEFINITIONS_REFUSED).count()).isEqualTo(1);
    }

    @Test
    void shouldUseTheFolderUntilTheTopicIsRead() {
        DefinitionSet folder = Definitions.loadTexts(Map.of("f.yaml", SERVICE + "---\n" + slo("api", "99"))).definitions();

        DefinitionsSnapshot first = live(folder).current(texts);

        assertThat(first.definitions()).isEqualTo(folder);
        assertThat(first.classifier()).isNotNull();
    }
}
