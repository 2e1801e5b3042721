package dev.slopipeline.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the binders' meters as Prometheus's conventions want them, so that {@code promtool check metrics} passes
 * on a whole {@code /metrics} page:
 * <ul>
 *   <li>times in seconds: Kafka's {@code *-time-ns-total}, {@code *-time-ns-avg} and {@code start-time-ms}, and
 *       Micrometer's {@code process.cpu.time} (in nanoseconds), become {@code *_time_seconds_*} and
 *       {@code process_cpu_time_seconds_total}; {@link #factor} tells the registry how to scale their values;</li>
 *   <li>no {@code _count} on a gauge, a suffix Prometheus keeps for histograms and summaries: Kafka's
 *       {@code connection-count} becomes {@code kafka_*_connections}, Micrometer's {@code system.cpu.count}
 *       {@code system_cpus};</li>
 *   <li>HELP text on every meter, for the few Kafka metrics that come without a description.</li>
 * </ul>
 */
final class BaseUnits implements MeterFilter {

    private static final Map<String, Double> TO_SECONDS = Map.of("ns", 1e-9, "nanoseconds", 1e-9, "ms", 1e-3,
            "milliseconds", 1e-3);
    private static final Map<String, String> COUNT_GAUGES = Map.of("connection.count", "connections", "system.cpu.count",
            "system.cpus");

    /** By the name a meter is registered under: what its source's values are multiplied by. */
    private final Map<String, Double> factors = new ConcurrentHashMap<>();

    @Override
    public Meter.Id map(Meter.Id id) {
        double factor = 1;
        List<String> segments = new ArrayList<>(Arrays.asList(id.getName().split("\\.")));
        for (int i = 0; i < segments.size(); i++) {
            Double toSeconds = TO_SECONDS.get(segments.get(i));
            if (toSeconds != null && i > 0) {
                segments.set(i, "seconds");
                factor = toSeconds;
            }
        }
        String name = String.join(".", segments);
        String baseUnit = id.getBaseUnit();
        if (baseUnit != null && TO_SECONDS.containsKey(baseUnit)) {
            factor = TO_SECONDS.get(baseUnit);
            baseUnit = "seconds";
        }
        if (id.getType() == Meter.Type.GAUGE) {
            for (Map.Entry<String, String> rename : COUNT_GAUGES.entrySet()) {
                if (name.equals(rename.getKey()) || name.endsWith("." + rename.getKey())) {
                    name = name.substring(0, name.length() - rename.getKey().length()) + rename.getValue();
                }
            }
        }
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? "As its source names it: " + id.getName() : id.getDescription();
        if (factor != 1) {
            factors.put(name, factor);
        }
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), baseUnit, description, id.getType());
    }

    /** What the values of the meter registered as {@code id} are multiplied by: 1 unless its unit was renamed. */
    double factor(Meter.Id id) {
        return factors.getOrDefault(id.getName(), 1.0);
    }
}
