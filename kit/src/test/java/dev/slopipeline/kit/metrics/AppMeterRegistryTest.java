package dev.slopipeline.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
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

    @Test
    void shouldGiveTimesInSecondsNoCountSuffixOnGaugesAndHelpOnEveryMeter() {
        try (AppMeterRegistry registry = new AppMeterRegistry()) {
            FunctionCounter.builder("kafka.producer.io.time.ns.total", this, source -> 2.5e9)
                    .description("The total time the I/O thread spent doing I/O").register(registry);
            Gauge.builder("kafka.app.info.start.time.ms", () -> 1_700_000_000_000L).description("start time").register(registry);
            Gauge.builder("kafka.producer.connection.count", () -> 3).description("The current number of active connections.")
                    .register(registry);
            Gauge.builder("kafka.producer.node.request.latency.avg", () -> 7).tag("node.id", "node-1").register(registry);

            assertThat(registry.scrape()).contains(
                    "kafka_producer_io_time_seconds_total 2.5\n",
                    "kafka_app_info_start_time_seconds 1.7E9\n",
                    "kafka_producer_connections 3.0\n",
                    "# HELP kafka_producer_node_request_latency_avg As its source names it: kafka.producer.node.request.latency.avg\n",
                    "process_cpu_time_seconds_total ", "system_cpus ")
                    .doesNotContain("_ns", "_ms ", "_count ");
        }
    }

    private static void storeGauge(AppMeterRegistry registry, String storeTag, String store, double value) {
        Gauge.builder(E2E_LATENCY, () -> value).description("the maximum end-to-end latency of a record")
                .tag("task.id", "0_0").tag(storeTag, store).register(registry);
    }
}
