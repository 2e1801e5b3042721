package dev.slopipeline.streams.topology;

import dev.slopipeline.streams.aggregate.AggregateAndEvaluate;
import dev.slopipeline.streams.aggregate.AggregateSettings;
import dev.slopipeline.streams.ingest.DecodeAndClassify;
import dev.slopipeline.streams.metrics.TopologyMetrics;
import dev.slopipeline.streams.reload.LiveDefinitions;
import java.util.Optional;

/**
 * The topology's two stream processors, made from one {@link TopologyConfig} with the definitions and metrics they
 * share. {@link SloTopology#build} and replay both make their processors here, so that replay runs exactly what the
 * application runs.
 */
public final class SloProcessors {

    private final TopologyConfig config;
    private final TopologyMetrics metrics;
    private final LiveDefinitions live;
    private final AggregateSettings settings;
    private final Optional<DecodeAndClassify.PreSumming> preSumming;

    public SloProcessors(TopologyConfig config) {
        this.config = config;
        this.metrics = new TopologyMetrics(config.meters());
        this.live = new LiveDefinitions(config.initialDefinitions(), metrics);
        this.settings = new AggregateSettings(config.grace(), config.healthContextTtl(), config.evaluationInterval(),
                config.wallClockLag(), config.statusInterval(), SloTopology.DEFINITIONS_STORE, config.roundSlices());
        this.preSumming = config.preSumInterval().isZero()
                ? Optional.empty()
                : Optional.of(new DecodeAndClassify.PreSumming(SloTopology.PRE_SUMS_STORE, config.preSumInterval()));
    }

    public DecodeAndClassify decodeAndClassify() {
        return new DecodeAndClassify(config.topics().health(), config.spans(), SloTopology.DEFINITIONS_STORE,
                config.maxFutureSkew(), config.maxEventAge(), live, metrics, preSumming);
    }

    public AggregateAndEvaluate aggregateAndEvaluate() {
        return new AggregateAndEvaluate(settings, live, metrics);
    }

    /** Summing before the repartition, when the config asks for it. */
    public Optional<DecodeAndClassify.PreSumming> preSumming() {
        return preSumming;
    }

    /** The definitions in force, which the global store's processor keeps up to date. */
    public LiveDefinitions live() {
        return live;
    }
}
