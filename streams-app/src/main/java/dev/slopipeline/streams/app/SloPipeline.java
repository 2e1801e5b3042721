package dev.slopipeline.streams.app;

import dev.slopipeline.definitions.Definitions;
import dev.slopipeline.definitions.model.DefinitionSet;
import dev.slopipeline.definitions.yaml.LoadResult;
import dev.slopipeline.streams.topology.SloTopology;
import dev.slopipeline.streams.topology.TopologyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The SLO pipeline as a running app: {@link SloTopology} with the app's topic names and folder definitions,
 * inside {@link StreamsApp}.
 */
public final class SloPipeline {

    /**
     * How long counts are summed before the repartition: far fewer records cross it (one per SLO, minute and
     * contributor instead of one per event), while alerts wait at most this much longer.
     */
    static final Duration PRE_SUM_INTERVAL = Duration.ofMillis(100);
    /**
     * The status round (5 s) and the round judging silent SLOs (10 s) each walk a task's series a tenth at a time:
     * a punctuation holds up the stream thread's records, so a round over ten thousand series at once held crossing
     * events, and their alerts, behind it for up to a second.
     */
    static final int ROUND_SLICES = 10;

    private SloPipeline() {
    }

    /**
     * Starts the app; see {@link StreamsApp.Builder#start()} for what it does first and what it throws.
     *
     * @throws IllegalArgumentException if the definitions in {@code definitions.dir} have errors
     */
    public static StreamsApp start(StreamsAppConfig config) {
        // StreamsApp creates its registry only in start(), after the topology is built: the topology counts
        // into a composite that the app's registry joins once it exists (a composite hands its meters on).
        CompositeMeterRegistry meters = new CompositeMeterRegistry();
        TopologyConfig topology = topologyConfig(config, meters);
        // SloTopology enforces its own naming rules, so the Kafka topology settings are not needed here
        StreamsApp app = StreamsApp.builder(config).topology(kafkaTopologyConfig -> SloTopology.build(topology)).start();
        meters.add(app.meterRegistry());
        return app;
    }

    /** The topology's settings for this app: production defaults, the app's topics and folder definitions. */
    static TopologyConfig topologyConfig(StreamsAppConfig config, MeterRegistry meters) {
        Topics topics = config.topics();
        return TopologyConfig.defaults()
                .withTopics(new TopologyConfig.Topics(topics.requests(), topics.health(), topics.dlq(),
                        topics.definitions(), topics.alerts(), topics.status()))
                .withInitialDefinitions(config.definitionsDir().map(SloPipeline::load).orElse(DefinitionSet.empty()))
                .withMeters(meters)
                .withPreSumInterval(PRE_SUM_INTERVAL)
                .withRoundSlices(ROUND_SLICES)
                .withSpans(config.spans());
    }

    private static DefinitionSet load(Path folder) {
        LoadResult result = Definitions.load(List.of(folder));
        if (!result.errors().isEmpty()) {
            throw new IllegalArgumentException("The definitions in " + folder + " have errors: " + result.errors());
        }
        return result.definitions();
    }
}
