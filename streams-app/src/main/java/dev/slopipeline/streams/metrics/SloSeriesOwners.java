package dev.slopipeline.streams.metrics;

import dev.slopipeline.definitions.model.SeriesKey;
import dev.slopipeline.streams.status.StatusRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which task exports each SLO's series. An instance exports only the SLOs of the tasks it runs: the task
 * that met an SLO last owns its series, and when that task closes (revoked, moved to another instance,
 * or the app stopping) or the SLO is removed, the series leave this instance's {@code /metrics}. A task
 * that closes after another one on this instance took its SLO over (a move between stream threads)
 * leaves the series to the new owner. Each series of a split SLO is exported on its own, keyed by its series key.
 */
final class SloSeriesOwners {

    private final MeterRegistry registry;
    private final Map<String, Owned> bySlo = new ConcurrentHashMap<>();
    /** Every split label name exported so far; every series carries them all (see {@link SloSeries}). */
    private final SortedSet<String> splitNames = new TreeSet<>();

    private record Owned(Object owner, SloSeries series) {
    }

    SloSeriesOwners(MeterRegistry registry) {
        this.registry = registry;
    }

    void show(Object owner, StatusRecord status) {
        seriesOf(owner, status.series(), status.service(), status.journey()).show(status);
    }

    void counted(Object owner, SeriesKey series, String service, String journey, long good, long bad) {
        seriesOf(owner, series, service, journey).counted(good, bad);
    }

    /** Stops exporting the series (its key's text), unless another owner has taken it over meanwhile. */
    synchronized void release(Object owner, String series) {
        Owned owned = bySlo.get(series);
        if (owned != null && owned.owner() == owner) {
            bySlo.remove(series);
            owned.series().remove();
        }
    }

    private SloSeries seriesOf(Object owner, SeriesKey key, String service, String journey) {
        Owned owned = bySlo.get(key.text());
        if (owned != null && owned.owner() == owner && owned.series().labelled(service, journey)) {
            return owned.series();
        }
        return takeOver(owner, key, service, journey);
    }

    /** A new owner keeps the series; new labels (a redefinition moved the SLO) start new ones. */
    private synchronized SloSeries takeOver(Object owner, SeriesKey key, String service, String journey) {
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
