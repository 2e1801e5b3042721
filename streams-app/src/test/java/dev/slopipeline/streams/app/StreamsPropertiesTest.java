package dev.slopipeline.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private static Properties propertiesOf(StreamsAppConfig.Builder builder) {
        return StreamsProperties.of(builder.bootstrapServers("localhost:9092").build(), "localhost:8080");
    }

    @Test
    void shouldBoundAllStoresTogetherToRocksDbMemoryByDefault() {
        Properties properties = propertiesOf(StreamsAppConfig.builder());

        assertThat(properties.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(RocksDbMemory.class);
        assertThat(properties.get(RocksDbMemory.MEMORY_BYTES_CONFIG)).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void shouldTakeTheBoundFromTheEnvironment() {
        Properties properties = propertiesOf(StreamsAppConfig.builder().env(Map.of("SLO_PIPELINE_ROCKSDB_MEMORY_MB", "64")));

        assertThat(properties.get(RocksDbMemory.MEMORY_BYTES_CONFIG)).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void shouldLeaveKafkaStreamsDefaultsWhenTheBoundIsZero() {
        Properties properties = propertiesOf(StreamsAppConfig.builder().set(StreamsAppKeys.ROCKSDB_MEMORY_MB, 0));

        assertThat(properties).doesNotContainKeys(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.MEMORY_BYTES_CONFIG);
    }

    @Test
    void shouldKeepAConfigSetterOfTheOperatorsOwn() {
        Properties properties = propertiesOf(StreamsAppConfig.builder()
                .set("kafka." + StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.OwnSetter"));

        assertThat(properties.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("com.example.OwnSetter");
    }
}
