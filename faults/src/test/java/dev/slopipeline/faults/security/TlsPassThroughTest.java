package dev.slopipeline.faults.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.broker.EmbeddedKafkaBroker;
import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.Checkout;
import dev.slopipeline.faults.kafka.TopicTail;
import dev.slopipeline.kit.deadletter.DeadLetterHeaders;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.status.StatusCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app against a broker it can reach only over TLS, configured through nothing but the {@code kafka.*}
 * pass-through: it creates its topics, counts events and dead-letters bad ones; the store password is never logged.
 * The certificate is made here with the JDK's keytool.
 */
@Tag("integration")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TlsPassThroughTest {

    private static final String STORE_PASSWORD = "store-pass-3e9f1b7c";

    @TempDir
    Path dir;

    @Test
    void shouldRunOverTlsWithTheStoreSettingsPassedThrough() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.crt");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
        Map<String, String> tls = Map.of("security.protocol", "SSL", "ssl.truststore.location", truststore.toString(),
                "ssl.truststore.password", STORE_PASSWORD, "ssl.truststore.type", "PKCS12");

        try (CapturedLog log = new CapturedLog();
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                     .listener("SSL", SecurityProtocol.SSL, 0)
                     .brokerConfig("listener.name.ssl.ssl.keystore.location", keystore.toString())
                     .brokerConfig("listener.name.ssl.ssl.keystore.password", STORE_PASSWORD)
                     .brokerConfig("listener.name.ssl.ssl.key.password", STORE_PASSWORD)
                     .brokerConfig("listener.name.ssl.ssl.keystore.type", "PKCS12")
                     .start()) {
            String tlsServers = broker.bootstrapServers("SSL");
            Path definitions = Files.createDirectories(dir.resolve("definitions"));
            Files.writeString(definitions.resolve(Checkout.FILE), Checkout.yaml());
            StreamsAppConfig.Builder builder = StreamsAppConfig.builder().bootstrapServers(tlsServers)
                    .stateDir(dir.resolve("state")).httpPort(0).definitionsDir(definitions).set("topics.partitions", "1");
            tls.forEach(builder::kafka);
            StreamsAppConfig config = builder.build();
            Map<String, Object> clientTls = new HashMap<>(tls);

            try (StreamsApp app = SloPipeline.start(config);
                 KafkaProducer<byte[], byte[]> producer = producer(tlsServers, clientTls);
                 TopicTail deadLetters = new TopicTail(tlsServers, config.topics().dlq(), clientTls);
                 TopicTail statuses = new TopicTail(tlsServers, config.topics().status(), clientTls)) {
                Await.until("the streams app to run over TLS", Duration.ofSeconds(90), () -> app.state() == KafkaStreams.State.RUNNING);
                Instant now = Instant.now();
                for (int i = 0; i < 3; i++) {
                    String status = i == 0 ? "503" : "200";
                    producer.send(new ProducerRecord<>(config.topics().requests(), null, utf8("{\"timestamp\":\"" + now.minusSeconds(60 - i)
                            + "\",\"service\":\"checkout-api\",\"operation\":\"POST /checkout\",\"status\":" + status + "}"))).get();
                }
                producer.send(new ProducerRecord<>(config.topics().requests(), null, utf8("{not json"))).get();

                Await.until("the malformed record dead-lettered over TLS", Duration.ofSeconds(60), () -> !deadLetters.poll().isEmpty());
                ConsumerRecord<byte[], byte[]> letter = deadLetters.records().get(0);
                assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                        .startsWith("not JSON");
                Await.until("a status counting the three events", Duration.ofSeconds(60), () -> {
                    List<ConsumerRecord<byte[], byte[]>> all = statuses.poll();
                    return !all.isEmpty() && all.get(all.size() - 1).value() != null
                            && StatusCodec.decode(all.get(all.size() - 1).value()).sli().orElse(-1) == 2.0 / 3;
                });
            }
            assertThat(log.text()).as("the log, captured").contains("ssl.truststore.location")
                    .doesNotContain(STORE_PASSWORD);
            assertThat(config.toString()).contains("kafka.ssl.truststore.password = ******").doesNotContain(STORE_PASSWORD);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String servers, Map<String, Object> tls) {
        Map<String, Object> settings = new HashMap<>(tls);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
