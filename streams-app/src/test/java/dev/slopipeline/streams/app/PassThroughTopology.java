package dev.slopipeline.streams.app;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A stand-in for the real topology with the same outside shape: requests keyed by SLO name are counted,
 * each count goes to the alerts topic, and a status store holds {@code {"slo":..,"requests":n}} JSON by
 * SLO name, as the real one's status store will.
 */
final class PassThroughTopology {

    private PassThroughTopology() {
    }

    static Topology build(StreamsBuilder builder, StreamsAppConfig config) {
        KTable<String, Long> counts = builder
                .stream(config.topics().requests(), Consumed.with(Serdes.String(), Serdes.String()).withName("requests-in"))
                .groupByKey(Grouped.with("requests-by-slo", Serdes.String(), Serdes.String()))
                .count(Named.as("count-requests"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("request-counts")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        counts.toStream(Named.as("counts-out"))
                .to(config.topics().alerts(), Produced.with(Serdes.String(), Serdes.Long()).withName("counts-to-alerts"));
        counts.mapValues((slo, count) -> ("{\"slo\":\"" + slo + "\",\"requests\":" + count + "}").getBytes(StandardCharsets.UTF_8),
                        Named.as("status-json"),
                        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(config.statusStore())
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()))
                .toStream(Named.as("status-out"))
                .to(config.topics().status(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("status-to-topic"));
        return builder.build();
    }
}
