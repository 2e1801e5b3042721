package dev.slopipeline.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.model.AlertingSpec;
import dev.slopipeline.definitions.model.Budgeting;
import dev.slopipeline.definitions.model.EventMatcher;
import dev.slopipeline.definitions.model.Grouping;
import dev.slopipeline.definitions.model.Indicator;
import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.definitions.model.SloDefinition;
import dev.slopipeline.definitions.model.SloWindow;
import dev.slopipeline.definitions.model.StatusRule;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The series of a split SLO carry its labels on /metrics, and beside them the series of SLOs that are not split
 * keep being exported: Prometheus' registry drops a meter whose label names differ from its name's first.
 */
class SplitSeriesLabelsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TopologyMetrics metrics = new TopologyMetrics(registry);
    private final Object task = new Object();

    private static SloDefinition slo(String name, Grouping grouping) {
        Indicator indicator = new Indicator.Requests(List.of(new EventMatcher("checkout-api", null, Map.of())),
                new StatusRule.Below(500), OptionalDouble.empty());
        return new SloDefinition(name, Map.of(), null, "storefront", "checkout", indicator, 99.9,
                new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults(), grouping);
    }

    @Test
    void shouldLabelEachSeriesOfASplitSloAndKeepTheSlosThatAreNotSplit() {
        SloDefinition whole = slo("search", Grouping.none());
        SloDefinition split = slo("checkout", new Grouping(List.of("region"), 10));

        metrics.counted(task, whole, SeriesKey.whole("search"), 5, 0);
        metrics.counted(task, split, SeriesKey.of(split, List.of("eu-west")), 7, 1);
        metrics.counted(task, split, SeriesKey.of(split, List.of("us-east")), 3, 0);

        assertThat(registry.scrape().lines().filter(line -> line.startsWith("slo_events_counted_total{")
                && line.contains("outcome=\"good\""))).containsExactlyInAnyOrder(
                "slo_events_counted_total{journey=\"checkout\",outcome=\"good\",region=\"\",service=\"storefront\",slo=\"search\"} 5.0",
                "slo_events_counted_total{journey=\"checkout\",outcome=\"good\",region=\"eu-west\",service=\"storefront\",slo=\"checkout\"} 7.0",
                "slo_events_counted_total{journey=\"checkout\",outcome=\"good\",region=\"us-east\",service=\"storefront\",slo=\"checkout\"} 3.0");
    }
}
