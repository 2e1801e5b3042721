package dev.slopipeline.kit.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The registry behind an app's {@code /metrics}: Prometheus's text format, the JVM's and the process's
 * meters ({@code jvm_*}, {@code process_*}, {@code system_*}), and the {@link StateStoreTags} and
 * {@link BaseUnits} filters in place before any Kafka client binds its meters. Closing it also detaches the binders that listen to
 * the JVM (garbage collection), so a process that starts and stops apps keeps no listener behind.
 *
 * <p>The project's own meters all start with {@code slo.} ({@code slo_} in Prometheus); the JVM's,
 * the process's and Kafka's keep the names their binders give them, but for their units.
 */
public final class AppMeterRegistry extends PrometheusMeterRegistry implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final BaseUnits units = new BaseUnits();

    public AppMeterRegistry() {
        super(PrometheusConfig.DEFAULT);
        config().meterFilter(new StateStoreTags()).meterFilter(units);
        List<MeterBinder> binders = List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new JvmInfoMetrics(), new ProcessorMetrics(), new FileDescriptorMetrics(), new UptimeMetrics());
        binders.forEach(binder -> binder.bindTo(this));
    }

    @Override
    protected <T> Gauge newGauge(Meter.Id id, T source, ToDoubleFunction<T> value) {
        return super.newGauge(id, source, scaled(id, value));
    }

    @Override
    protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T source, ToDoubleFunction<T> count) {
        return super.newFunctionCounter(id, source, scaled(id, count));
    }

    private <T> ToDoubleFunction<T> scaled(Meter.Id id, ToDoubleFunction<T> value) {
        double factor = units.factor(id);
        return factor == 1 ? value : source -> value.applyAsDouble(source) * factor;
    }

    @Override
    public void close() {
        gc.close();
        super.close();
    }
}
