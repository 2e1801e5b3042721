package dev.slopipeline.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsAppConfigTest {

    @TempDir
    Path dir;

    @Test
    void shouldRunExactlyOnceOnTheStandardTopicsByDefault() {
        StreamsAppConfig config = StreamsAppConfig.builder().build();

        assertThat(config.bootstrapServers()).isEmpty();
        assertThat(config.applicationId()).isEqualTo("slo-pipeline-streams");
        assertThat(config.topics()).isEqualTo(new Topics("slo.events.requests", "slo.events.health", "slo.events.dlq",
                "slo.definitions", "slo.alerts", "slo.status", "slo.heartbeat"));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.replication()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.statusStore()).isEqualTo("slo-status");
    }

    @Test
    void shouldTakeTheHeartbeatIntervalFromTheEnvironment() {
        StreamsAppConfig config = StreamsAppConfig.builder().env(Map.of("SLO_PIPELINE_HEARTBEAT_INTERVAL_MS", "2500")).build();

        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void shouldCommitLessOftenAtLeastOnce() {
        assertThat(StreamsAppConfig.builder().processingGuarantee("at_least_once").build().commitInterval())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRunAStreamThreadPerCoreButNoMoreThanThePartitions() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(streamThreads(StreamsAppConfig.builder())).isEqualTo(Math.min(cores, 12));
        assertThat(streamThreads(StreamsAppConfig.builder().set(StreamsAppKeys.TOPIC_PARTITIONS, 1))).isEqualTo(1);
        assertThat(streamThreads(StreamsAppConfig.builder().kafka("num.stream.threads", "4"))).isEqualTo("4");
    }

    private static Object streamThreads(StreamsAppConfig.Builder builder) {
        return StreamsProperties.of(builder.bootstrapServers("broker:9092").build(), "localhost:8080")
                .get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
    }

    @Test
    void shouldReadNestedYamlAsDottedKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("streams.yaml"), """
                bootstrap.servers: [broker-1:9092, broker-2:9092]
                application.id: shop-slos
                topics: {requests: shop.requests, partitions: 12, replication: 3}
                http: {port: 9000}
                kafka:
                  security.protocol: SASL_SSL
                  sasl.mechanism: PLAIN
                """);

        StreamsAppConfig config = StreamsAppConfig.builder().file(file).build();

        assertThat(config.bootstrapServers()).contains("broker-1:9092,broker-2:9092");
        assertThat(config.applicationId()).isEqualTo("shop-slos");
        assertThat(config.topics().requests()).isEqualTo("shop.requests");
        assertThat(config.partitions()).isEqualTo(12);
        assertThat(config.replication()).contains((short) 3);
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.kafka()).containsExactlyInAnyOrderEntriesOf(
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"));
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFileAndExplicitSettingsOverrideBoth() throws IOException {
        Path file = Files.writeString(dir.resolve("streams.properties"), """
                application.id=from-file
                http.port=9000
                state.dir=/var/lib/slo
                """);
        Map<String, String> env = Map.of(
                "SLO_PIPELINE_APPLICATION_ID", "from-env",
                "SLO_PIPELINE_HTTP_PORT", "9100",
                "SLO_PIPELINE_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "SLO_PIPELINE_ROUTER_PORT", "9200",
                "PATH", "/usr/bin");

        StreamsAppConfig config = StreamsAppConfig.builder().file(file).env(env).httpPort(0).build();

        assertThat(config.applicationId()).isEqualTo("from-env");
        assertThat(config.httpPort()).isZero();
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/slo"));
        assertThat(config.kafka()).containsKey("sasl.jaas.config");
    }

    @Test
    void shouldGiveClientsTheBrokersAndThePassThroughSettings() {
        StreamsAppConfig config = StreamsAppConfig.builder().kafka("security.protocol", "SSL").build();

        assertThatThrownBy(config::clientProperties).hasMessageContaining("withBootstrapServers");
        assertThat(config.withBootstrapServers("localhost:9092").clientProperties()).containsExactlyInAnyOrderEntriesOf(
                Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "SSL"));
    }

    @Test
    void shouldMaskSecretsWhenPrinted() {
        StreamsAppConfig config = StreamsAppConfig.builder()
                .kafka("sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p4ss\";")
                .kafka("ssl.truststore.password", "hunter2")
                .kafka("sasl.oauthbearer.token.endpoint.url", "https://idp/token")
                .kafka("security.protocol", "SASL_SSL")
                .build();

        assertThat(config.toString()).doesNotContain("p4ss", "hunter2", "https://idp/token")
                .contains("kafka.sasl.jaas.config = ******", "kafka.ssl.truststore.password = ******",
                        "kafka.security.protocol = SASL_SSL");
        assertThat(config.describe()).contains("bootstrap.servers = (embedded broker)");
    }

    @Test
    void shouldMaskEverySettingKafkaDeclaresAPasswordWhateverItsName() {
        StreamsAppConfig config = StreamsAppConfig.builder()
                .kafka("ssl.keystore.type", "PEM")
                .kafka("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBg")
                .kafka("ssl.keystore.certificate.chain", "-----BEGIN CERTIFICATE-----MIIDdzCCAl")
                .kafka("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----MIIFaz")
                .build();

        assertThat(config.toString()).doesNotContain("MIIEvQIBADANBg", "MIIDdzCCAl", "MIIFaz")
                .contains("kafka.ssl.keystore.key = ******", "kafka.ssl.keystore.certificate.chain = ******",
                        "kafka.ssl.truststore.certificates = ******", "kafka.ssl.keystore.type = PEM");
    }

    @Test
    void shouldReportEveryMistakeWithWhereItWasMade() throws IOException {
        Path file = Files.writeString(dir.resolve("streams.yaml"), """
                http.prot: 9000
                topics: {alerts: slo.status}
                kafka: {application.id: sneaky}
                """);

        assertThatThrownBy(() -> StreamsAppConfig.builder().file(file)
                .env(Map.of("SLO_PIPELINE_HTTP_PORT", "eighty"))
                .processingGuarantee("exactly_once")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.prot (file " + file + ") is not a setting; known: bootstrap.servers, ")
                .hasMessageContaining("Did you mean http.port?")
                .hasMessageContaining("http.port (environment SLO_PIPELINE_HTTP_PORT) must be a whole number from 0 to 65535, got \"eighty\"")
                .hasMessageContaining("processing.guarantee (set(\"processing.guarantee\")) must be exactly_once_v2 or at_least_once")
                .hasMessageContaining("topic slo.status is configured for two purposes")
                .hasMessageContaining("kafka.application.id (file " + file + ") is set by the app; use application.id");
    }

    @Test
    void shouldKeepOneStaticMemberIdPerStateDirUnlessInstanceIdIsSet() {
        StreamsAppConfig first = StreamsAppConfig.builder().stateDir(dir.resolve("streams-1")).build();
        StreamsAppConfig restarted = StreamsAppConfig.builder().stateDir(dir.resolve("streams-1")).build();
        StreamsAppConfig second = StreamsAppConfig.builder().stateDir(dir.resolve("streams-2")).build();
        StreamsAppConfig named = StreamsAppConfig.builder().env(Map.of("SLO_PIPELINE_INSTANCE_ID", "streams-east-1")).build();

        assertThat(restarted.instanceId()).as("a restart of the same instance").isEqualTo(first.instanceId());
        assertThat(second.instanceId()).as("another instance on this host").isNotEqualTo(first.instanceId());
        assertThat(named.instanceId()).isEqualTo("streams-east-1");
        assertThat(named.describe()).contains("instance.id = streams-east-1");
    }

    @Test
    void shouldRefuseAGroupInstanceIdPassedToKafkaDirectly() {
        assertThatThrownBy(() -> StreamsAppConfig.builder().kafka("group.instance.id", "shared").build())
                .hasMessageContaining("kafka.group.instance.id (set(\"kafka.group.instance.id\")) is set by the app; use instance.id");
    }

    @Test
    void shouldTreatAnEmptyValueAsNotSet() {
        StreamsAppConfig config = StreamsAppConfig.load(Optional.empty(), Map.of("SLO_PIPELINE_BOOTSTRAP_SERVERS", ""));

        assertThat(config.bootstrapServers()).isEmpty();
    }

    @Test
    void shouldNameEachSettingsEnvironmentVariable() {
        assertThat(StreamsAppKeys.HTTP_ADVERTISED_HOST.envName()).isEqualTo("SLO_PIPELINE_HTTP_ADVERTISED_HOST");
        assertThat(StreamsAppKeys.STANDBY_REPLICAS.envName()).isEqualTo("SLO_PIPELINE_NUM_STANDBY_REPLICAS");
    }
}
