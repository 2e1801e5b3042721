package dev.slopipeline.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

class AppMeterRegistryTest {

    private static final String E2E_LATENCY = "kafka.stream.state.record.e2e.latency.max";

    @Test
    void shouldKeepTheMeterOfEveryKindOfStoreUnderOneSetOfLabels() {
        try (AppMeterRegistry registry = new AppMeterRegistry()) {
            storeGauge(registry, "rocksdb.state.id", "slo-windows", 12);
            storeGauge(registry, "in.memory.state.id", "slo-status-view", 3);
            storeGauge(registry, "rocksdb.window.state.id", "dedup", 5);

            assertThat(registry.getMeters()).filteredOn(meter -> meter.getId().getName().equals(E2E_LATENCY)).hasSize(3);
            assertThat(registry.scrape()).contains(
                    "kafka_stream_state_record_e2e_latency_max{state_id=\"slo-windows\",store_type=\"rocksdb\",task_id=\"0_0\"} 12.0",
                    "kafka_stream_state_record_e2e_latency_max{state_id=\"slo-status-view\",store_type=\"in-memory\",task_id=\"0_0\"} 3.0",
                    "kafka_stream_state_record_e2e_latency_max{state_id=\"dedup\",store_type=\"rocksdb-window\",task_id=\"0_0\"} 5.0");
        }
    }

    @Test
    void shouldServeTheJvmAndProcessMeters() {
        try (AppMeterRegistry registry = new AppMeterRegistry()) {
            assertThat(registry.scrape()).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
                    "process_cpu_usage ", "process_uptime_seconds ", "jvm_info{");
        }
    }

    private static void storeGauge(AppMeterRegistry registry, String storeTag, String store, double value) {
        Gauge.builder(E2E_LATENCY, () -> value).description("the maximum end-to-end latency of a record")
                .tag("task.id", "0_0").tag(storeTag, store).register(registry);
    }
}
