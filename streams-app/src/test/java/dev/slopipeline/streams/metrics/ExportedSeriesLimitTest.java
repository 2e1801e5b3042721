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

/** An instance exports a bounded number of SLO series on /metrics and counts the ones it leaves off. */
class ExportedSeriesLimitTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TopologyMetrics metrics = new TopologyMetrics(registry, 2);
    private final Object task = new Object();
    private final SloDefinition checkout = slo();

    private static SloDefinition slo() {
        Indicator indicator = new Indicator.Requests(List.of(new EventMatcher("checkout-api", null, Map.of())),
                new StatusRule.Below(500), OptionalDouble.empty());
        return new SloDefinition("checkout", Map.of(), null, "storefront", "checkout", indicator, 99.9,
                new SloWindow.Rolling(Duration.ofDays(30)), new Budgeting.Occurrences(), AlertingSpec.defaults(),
                new Grouping(List.of("tenant"), 100));
    }

    private SeriesKey tenant(String name) {
        return SeriesKey.of(checkout, List.of(name));
    }

    private List<String> goodCounts() {
        return registry.scrape().lines().filter(line -> line.startsWith("slo_events_counted_total{")
                && line.contains("outcome=\"good\"")).toList();
    }

    private String unexported() {
        return registry.scrape().lines().filter(line -> line.startsWith("slo_series_unexported ")).findFirst().orElseThrow();
    }

    @Test
    void shouldExportTheFirstSeriesUpToTheLimitAndCountTheOthers() {
        metrics.counted(task, checkout, tenant("a"), 1, 0);
        metrics.counted(task, checkout, tenant("b"), 2, 0);
        metrics.counted(task, checkout, tenant("c"), 3, 0);
        metrics.counted(task, checkout, tenant("c"), 3, 0);

        assertThat(goodCounts()).hasSize(2).anyMatch(line -> line.contains("tenant=\"a\"") && line.endsWith(" 1.0"))
                .anyMatch(line -> line.contains("tenant=\"b\"") && line.endsWith(" 2.0"));
        assertThat(unexported()).isEqualTo("slo_series_unexported 1.0");
    }

    @Test
    void shouldExportALaterSeriesOnceAnExportedOneLeft() {
        metrics.counted(task, checkout, tenant("a"), 1, 0);
        metrics.counted(task, checkout, tenant("b"), 2, 0);
        metrics.counted(task, checkout, tenant("c"), 3, 0);

        metrics.released(task, tenant("a").text());
        metrics.released(task, tenant("c").text());
        metrics.counted(task, checkout, tenant("c"), 4, 0);

        assertThat(goodCounts()).hasSize(2).anyMatch(line -> line.contains("tenant=\"c\"") && line.endsWith(" 4.0"));
        assertThat(unexported()).isEqualTo("slo_series_unexported 0.0");
    }
}
