package dev.slopipeline.streams.metrics;

import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.streams.status.StatusRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Gauge;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which task exports each SLO's series. An instance exports only the SLOs of the tasks it runs: the task
 * that met an SLO last owns its series, and when that task closes (revoked, moved to another instance,
 * or the app stopping) or the SLO is removed, the series leave this instance's {@code /metrics}. A task
 * that closes after another one on this instance took its SLO over (a move between stream threads)
 * leaves the series to the new owner. Each series of a split SLO is exported on its own, keyed by its series key.
 *
 * <p>At most {@code maxExported} series at a time: a series costs about 25 meters (some 17 KiB of heap in the
 * registry) and as many Prometheus series per scrape, so at tens of thousands of series the meters, not the SLOs,
 * would fill the heap and the scrape. Series beyond the limit are judged and alert as any other, and are in the status
 * API and on {@code slo.status}; they are only left off {@code /metrics}, counted by {@code slo_series_unexported}.
 */
final class SloSeriesOwners {

    private static final Logger LOG = LoggerFactory.getLogger(SloSeriesOwners.class);

    private final MeterRegistry registry;
    private final int maxExported;
    private final Map<String, Owned> bySlo = new ConcurrentHashMap<>();
    /** Series met while {@link #maxExported} others were exported: left off /metrics (their key's text). */
    private final Set<String> unexported = ConcurrentHashMap.newKeySet();
    /** Every split label name exported so far; every series carries them all (see {@link SloSeries}). */
    private final SortedSet<String> splitNames = new TreeSet<>();

    private record Owned(Object owner, SloSeries series) {
    }

    SloSeriesOwners(MeterRegistry registry, int maxExported) {
        this.registry = registry;
        this.maxExported = maxExported;
        Gauge.builder(SloSeries.UNEXPORTED, unexported, Set::size)
                .description("SLO series this instance runs but leaves off /metrics, beyond the " + maxExported + " it exports")
                .register(registry);
    }

    void show(Object owner, StatusRecord status) {
        SloSeries series = seriesOf(owner, status.series(), status.service(), status.journey());
        if (series != null) {
            series.show(status);
        }
    }

    void counted(Object owner, SeriesKey series, String service, String journey, long good, long bad) {
        SloSeries exported = seriesOf(owner, series, service, journey);
        if (exported != null) {
            exported.counted(good, bad);
        }
    }

    /** Stops exporting the series (its key's text), unless another owner has taken it over meanwhile. */
    synchronized void release(Object owner, String series) {
        unexported.remove(series);
        Owned owned = bySlo.get(series);
        if (owned != null && owned.owner() == owner) {
            bySlo.remove(series);
            owned.series().remove();
        }
    }

    /** The series as exported, or null when it is one of those beyond the limit. */
    private SloSeries seriesOf(Object owner, SeriesKey key, String service, String journey) {
        String text = key.text();
        Owned owned = bySlo.get(text);
        if (owned != null && owned.owner() == owner && owned.series().labelled(service, journey)) {
            return owned.series();
        }
        if (owned == null && unexported.contains(text)) {
            return null;
        }
        return takeOver(owner, key, service, journey);
    }

    /** A new owner keeps the series; new labels (a redefinition moved the SLO) start new ones. */
    private synchronized SloSeries takeOver(Object owner, SeriesKey key, String service, String journey) {
        if (!bySlo.containsKey(key.text()) && bySlo.size() >= maxExported) {
            if (unexported.isEmpty()) {
                LOG.warn("{} SLO series exported on /metrics, the most this instance exports: {} and further ones are "
                        + "judged and alert as any other but are left off /metrics (slo_series_unexported counts them)",
                        maxExported, key.text());
            }
            unexported.add(key.text());
            return null;
        }
        if (!splitNames.containsAll(key.labels().keySet())) {
            splitNames.addAll(key.labels().keySet());
            bySlo.values().forEach(other -> other.series().relabel(splitNames));
        }
        Owned owned = bySlo.get(key.text());
        SloSeries series;
        if (owned != null && owned.series().labelled(service, journey)) {
            series = owned.series();
        } else {
            if (owned != null) {
                owned.series().remove();
            }
            series = new SloSeries(registry, key.slo(), service, journey, key.labels(), splitNames);
        }
        bySlo.put(key.text(), new Owned(owner, series));
        return series;
    }
}
