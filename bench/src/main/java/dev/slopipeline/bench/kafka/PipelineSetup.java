package dev.slopipeline.bench.kafka;

import dev.slopipeline.bench.SyntheticShop;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return StreamsAppConfig.builder()
                .bootstrapServers(bootstrapServers)
                .applicationId("bench-" + run)
                .stateDir(stateDir)
                .httpPort(0)
                .processingGuarantee(StreamsAppConfig.EXACTLY_ONCE_V2)
                .definitionsDir(definitions)
                .set(StreamsAppKeys.TOPIC_PARTITIONS, partitions)
                .topicsWithSuffix("." + run)
                .set(StreamsAppKeys.TOPIC_REQUESTS, requests);
    }
}
