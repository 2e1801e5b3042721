package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.streams.otlp.SpanInput;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every processor, store and topic has the name the topology gives it; none is generated. */
class TopologyNamesTest {

    private static final Topology TOPOLOGY = SloTopology.build(TopologyConfig.defaults());

    @Test
    void shouldNameEveryProcessor() {
        Set<String> names = new TreeSet<>();
        TopologyDescription description = TOPOLOGY.describe();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> names.add(node.name())));
        description.globalStores().forEach(store -> {
            names.add(store.source().name());
            names.add(store.processor().name());
        });

        assertThat(names).containsExactlyInAnyOrder(
                "events-source", "decode-and-classify", "route-inputs-", "route-inputs-dead-letters", "route-inputs-slo-inputs",
                "dead-letter-original", "dlq-sink", "as-slo-input",
                "slo-counts-repartition-filter", "slo-counts-repartition-sink", "slo-counts-repartition-source",
                "aggregate-and-evaluate", "route-outputs-", "route-outputs-alerts", "route-outputs-statuses",
                "alert-bytes", "status-bytes", "alerts-sink", "status-sink",
                "definitions-source", "definitions-update");
    }

    @Test
    void shouldNameEveryStoreAndTopic() {
        String description = TOPOLOGY.describe().toString();

        assertThat(storesIn(description)).containsExactlyInAnyOrder(
                "slo-windows", "slo-alert-states", "slo-contributors", "slo-health-context", "slo-status", "slo-definitions");
        assertThat(storesIn(SloTopology.build(TopologyConfig.defaults().withPreSumInterval(Duration.ofMillis(100))).describe().toString()))
                .as("summing before the repartition adds its store").contains("slo-pre-sums");
        assertThat(eventTopicsIn(description)).containsExactlyInAnyOrder("slo.events.requests", "slo.events.health", "otlp_spans");
        assertThat(description).contains("topic: slo.events.dlq",
                "topic: slo-counts-repartition", "topic: slo.alerts", "topic: slo.status", "topics: [slo.definitions]");
        assertThat(SloTopology.countsRepartitionTopic("slo-app")).isEqualTo("slo-app-slo-counts-repartition");
    }

    @Test
    void shouldUseTheConfiguredTopics() {
        TopologyConfig.Topics topics = new TopologyConfig.Topics("in.req", "in.health", "out.dlq", "in.defs", "out.alerts", "out.status");

        String description = SloTopology.build(TopologyConfig.defaults().withTopics(topics)).describe().toString();

        assertThat(eventTopicsIn(description)).containsExactlyInAnyOrder("in.req", "in.health", "otlp_spans");
        assertThat(description).contains("topic: out.dlq", "topic: out.alerts", "topic: out.status", "in.defs");
        assertThat(description).doesNotContain("slo.events", "slo.alerts", "slo.status", "slo.definitions");
    }

    @Test
    void shouldReadSpansFromTheConfiguredTopicOrNone() {
        String renamed = SloTopology.build(TopologyConfig.defaults().withSpans(SpanInput.defaults().withTopic("in.spans")))
                .describe().toString();
        String off = SloTopology.build(TopologyConfig.defaults().withSpans(SpanInput.off())).describe().toString();

        assertThat(eventTopicsIn(renamed)).containsExactlyInAnyOrder("slo.events.requests", "slo.events.health", "in.spans");
        assertThat(eventTopicsIn(off)).containsExactlyInAnyOrder("slo.events.requests", "slo.events.health");
    }

    /** The topics the events source reads, in no particular order. */
    private static List<String> eventTopicsIn(String description) {
        Matcher topics = Pattern.compile(SloTopology.EVENTS_SOURCE + " \\(topics: \\[([^]]*)]").matcher(description);
        assertThat(topics.find()).as("the events source in %s", description).isTrue();
        return List.of(topics.group(1).split(", "));
    }

    private static Set<String> storesIn(String description) {
        Set<String> stores = new TreeSet<>();
        Matcher lists = Pattern.compile("stores: \\[([^]]*)]").matcher(description);
        while (lists.find()) {
            for (String store : lists.group(1).split(", ")) {
                if (!store.isBlank()) {
                    stores.add(store);
                }
            }
        }
        return stores;
    }
}
