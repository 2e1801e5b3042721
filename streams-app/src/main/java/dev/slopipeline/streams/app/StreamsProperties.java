package dev.slopipeline.streams.app;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of a {@link StreamsAppConfig}. */
final class StreamsProperties {

    private StreamsProperties() {
    }

    /** @param applicationServer {@code host:port} where other instances reach this one's HTTP endpoints */
    static Properties of(StreamsAppConfig config, String applicationServer) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, defaultStreamThreads(config.partitions()));
        // First, so that nothing passed through can undo what follows (ConfigValues refuses those keys anyway).
        properties.putAll(config.clientProperties());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        // the default from Kafka 5.0 on; opting in now keeps behaviour stable across the upgrade
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        // Static membership: a restart after a crash takes its tasks back at once, instead of waiting out the dead
        // process's session (45 s). Only the main consumer is a group member; Kafka Streams adds -N per thread.
        properties.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), config.instanceId());
        // Requests and health events need not be interleaved by time (health context lives for minutes), and
        // waiting for the usually empty health partitions costs a log message built per record.
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // Generated names (KSTREAM-AGGREGATE-0000000003) change when the topology changes and orphan
        // changelogs and repartition topics; with explicit names an upgrade keeps its state. Takes effect in
        // a StreamsBuilder made with the TopologyConfig of these properties (StreamsApp.Builder#topology).
        properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        if (config.rocksDbMemoryMb() > 0) {
            // a kafka.rocksdb.config.setter of the operator's own wins
            properties.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.class);
            properties.put(RocksDbMemory.MEMORY_BYTES_CONFIG, config.rocksDbMemoryMb() * 1024L * 1024L);
        }
        config.replication().ifPresent(replication -> properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication));
        return properties;
    }

    /**
     * Kafka's default of one stream thread leaves every core but one to the rest of the process: decoding and
     * classifying run on the stream threads, so one per core, but no more than the input topics' partitions,
     * as each thread needs at least one of them to work on. {@code kafka.num.stream.threads} overrides it.
     */
    static int defaultStreamThreads(int partitions) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), partitions));
    }
}
