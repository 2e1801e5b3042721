package dev.slopipeline.bench.kafka;

import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.streams.app.ConfigKey;
import dev.slopipeline.streams.app.StreamsAppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The streams app as the benchmarks run it: production settings (exactly-once, RocksDB stores with
 * changelogs, 100 ms commits), the shop's SLOs applied from a folder at start, topics named after the run.
 */
public final class PipelineSetup {

    private PipelineSetup() {
    }

    /** Writes the shop's definitions into {@code folder} (as one file) and returns the folder. */
    public static Path writeDefinitions(SyntheticShop shop, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("shop.yaml"), shop.yaml());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param run        names the application id ({@code bench-<run>}) and the output topics ({@code slo.*.<run>})
     * @param requests   the request topic to read
     */
    public static StreamsAppConfig config(String bootstrapServers, String run, Path stateDir, Path definitions,
                                          String requests, int partitions) {
        return builder(bootstrapServers, run, stateDir, definitions, requests, partitions).build();
    }

    /** As {@link #config}, for callers that set more. */
    public static StreamsAppConfig.Builder builder(String bootstrapServers, String run, Path stateDir, Path definitions,
                                                  String requests, int partitions) {
        StreamsAppConfig.Builder builder = StreamsAppConfig.builder()
                .bootstrapServers(bootstrapServers)
                .applicationId("bench-" + run)
                .stateDir(stateDir)
                .httpPort(0)
                .processingGuarantee(StreamsAppConfig.EXACTLY_ONCE_V2)
                .definitionsDir(definitions)
                .set(ConfigKey.TOPIC_PARTITIONS, String.valueOf(partitions))
                .set(ConfigKey.TOPIC_REQUESTS, requests);
        for (ConfigKey topic : List.of(ConfigKey.TOPIC_HEALTH, ConfigKey.TOPIC_DLQ, ConfigKey.TOPIC_DEFINITIONS,
                ConfigKey.TOPIC_ALERTS, ConfigKey.TOPIC_STATUS)) {
            builder.set(topic, topic.defaultValue().orElseThrow() + "." + run);
        }
        return builder;
    }
}
