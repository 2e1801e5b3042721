package dev.slopipeline.bench.e2e;

import dev.slopipeline.streams.metrics.TopologyMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * What the app did with the spans it read, from its own counters: a throughput of spans is only one if they
 * counted for the SLOs, not if they were skipped as unmatched, unusable or late.
 *
 * @param classified spans that counted for at least one SLO
 * @param unmatched  spans no SLO selects
 * @param unusable   spans of valid export requests that became no event
 * @param late       events, of any input, behind an SLO's watermark by more than the grace, not counted
 */
record SpansCounted(long classified, long unmatched, long unusable, long late) {

    static SpansCounted of(MeterRegistry registry) {
        return new SpansCounted(
                sum(registry.find(TopologyMetrics.CLASSIFIED).tag("kind", "spans").counters()),
                sum(registry.find(TopologyMetrics.UNMATCHED).tag("kind", "spans").counters()),
                sum(registry.find(TopologyMetrics.SPANS_UNUSABLE).counters()),
                sum(registry.find(TopologyMetrics.LATE).counters()));
    }

    private static long sum(Collection<Counter> counters) {
        return Math.round(counters.stream().mapToDouble(Counter::count).sum());
    }

    @Override
    public String toString() {
        return classified + " spans counted for an SLO, " + unmatched + " selected by none, " + unusable + " unusable, "
                + late + " late events";
    }
}
