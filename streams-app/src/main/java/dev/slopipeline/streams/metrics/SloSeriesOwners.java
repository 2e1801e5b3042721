package dev.slopipeline.streams.metrics;

import dev.slopipeline.streams.status.StatusRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which task exports each SLO's series. An instance exports only the SLOs of the tasks it runs: the task
 * that met an SLO last owns its series, and when that task closes (revoked, moved to another instance,
 * or the app stopping) or the SLO is removed, the series leave this instance's {@code /metrics}. A task
 * that closes after another one on this instance took its SLO over (a move between stream threads)
 * leaves the series to the new owner.
 */
final class SloSeriesOwners {

    private final MeterRegistry registry;
    private final Map<String, Owned> bySlo = new ConcurrentHashMap<>();

    private record Owned(Object owner, SloSeries series) {
    }

    SloSeriesOwners(MeterRegistry registry) {
        this.registry = registry;
    }

    void show(Object owner, StatusRecord status) {
        seriesOf(owner, status.slo(), status.service(), status.journey()).show(status);
    }

    void counted(Object owner, String slo, String service, String journey, long good, long bad) {
        seriesOf(owner, slo, service, journey).counted(good, bad);
    }

    /** Stops exporting the SLO, unless another owner has taken it over meanwhile. */
    synchronized void release(Object owner, String slo) {
        Owned owned = bySlo.get(slo);
        if (owned != null && owned.owner() == owner) {
            bySlo.remove(slo);
            owned.series().remove();
        }
    }

    private SloSeries seriesOf(Object owner, String slo, String service, String journey) {
        Owned owned = bySlo.get(slo);
        if (owned != null && owned.owner() == owner && owned.series().labelled(service, journey)) {
            return owned.series();
        }
        return takeOver(owner, slo, service, journey);
    }

    /** A new owner keeps the series; new labels (a redefinition moved the SLO) start new ones. */
    private synchronized SloSeries takeOver(Object owner, String slo, String service, String journey) {
        Owned owned = bySlo.get(slo);
        SloSeries series;
        if (owned != null && owned.series().labelled(service, journey)) {
            series = owned.series();
        } else {
            if (owned != null) {
                owned.series().remove();
            }
            series = new SloSeries(registry, slo, service, journey);
        }
        bySlo.put(slo, new Owned(owner, series));
        return series;
    }
}
