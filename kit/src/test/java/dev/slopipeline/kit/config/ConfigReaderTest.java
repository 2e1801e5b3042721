package dev.slopipeline.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    private static final Key<Integer> PORT = Key.of("http.port", ValueTypes.integer(0, 65_535), "8080", "the port");
    private static final Key<Duration> INTERVAL = Key.of("check.interval", ValueTypes.duration(), "5s", "how often");
    private static final Key<String> TOKEN = Key.secret("api.token", ValueTypes.text(), "bearer token");
    private static final Key<String> NAME = Key.of("application.id", KafkaSettings.NAME, "app", "the id");
    private static final KeySet KEYS = KeySet.of(List.of(PORT, INTERVAL, TOKEN, NAME))
            .passingThrough(KafkaSettings.PASS_THROUGH)
            .readElsewhere(LoggingKeys.ALL);

    @TempDir
    Path dir;

    @Test
    void shouldLetTheEnvironmentOverrideTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yml"), "http.port: 9000\ncheck: {interval: 1m}\napplication.id: from-file\n");
        ConfigLayers layers = new ConfigLayers().file(file)
                .env(Map.of("SLO_PIPELINE_HTTP_PORT", "9100", "SLO_PIPELINE_APPLICATION_ID", "from-env"))
                .flag("http.port", "9200", "--http-port");

        ConfigReader reader = new ConfigReader(layers, KEYS);

        assertThat(reader.get(PORT)).isEqualTo(9200);
        assertThat(reader.get(NAME)).isEqualTo("from-env");
        assertThat(reader.get(INTERVAL)).isEqualTo(Duration.ofMinutes(1));
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void shouldUseTheDefaultWhenAValueIsEmpty() {
        ConfigReader reader = new ConfigReader(new ConfigLayers().env(Map.of("SLO_PIPELINE_HTTP_PORT", "")), KEYS);

        assertThat(reader.get(PORT)).isEqualTo(8080);
        assertThat(reader.find(TOKEN)).isEmpty();
    }

    @Test
    void shouldNameTheKeyTheLayerAndTheValueOfEveryBadValue() {
        ConfigReader reader = new ConfigReader(new ConfigLayers()
                .env(Map.of("SLO_PIPELINE_HTTP_PORT", "eighty"))
                .flag("check.interval", "1.5h", "--check-interval")
                .set("application.id", "no spaces"), KEYS);

        assertThat(reader.get(PORT)).as("the default, so that reading goes on").isEqualTo(8080);
        reader.get(INTERVAL);
        reader.get(NAME);

        assertThatThrownBy(() -> reader.throwIfInvalid("Invalid app configuration:"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid app configuration:\n  ")
                .hasMessageContaining("http.port (environment SLO_PIPELINE_HTTP_PORT) must be a whole number from 0 to 65535, got \"eighty\"")
                .hasMessageContaining("check.interval (flag --check-interval) must be a duration longer than 0: whole numbers with units")
                .hasMessageContaining("application.id (set(\"application.id\")) must be 1 to 249 letters, digits, '.', '_' or '-', got \"no spaces\"");
    }

    @Test
    void shouldNeverPrintASecretInAMessage() {
        Key<Integer> numericSecret = Key.secret("pin.secret", ValueTypes.integer(0, 9999), "a pin");
        ConfigReader reader = new ConfigReader(new ConfigLayers().set("pin.secret", "hunter2"),
                KeySet.of(List.of(numericSecret)));

        reader.find(numericSecret);

        assertThat(reader.problems()).singleElement().asString()
                .isEqualTo("pin.secret (set(\"pin.secret\")) must be a whole number from 0 to 9999, got \"******\"");
    }

    @Test
    void shouldRefuseAnUnknownKeyInAFileWithASuggestionButOnlyIgnoreItInTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"), "http.prot=9000\n");
        ConfigReader reader = new ConfigReader(new ConfigLayers().file(file)
                .env(Map.of("SLO_PIPELINE_ROUTER_PORT", "1", "SLO_PIPELINE_LOG_LEVEL", "debug", "PATH", "/bin")), KEYS);

        assertThat(reader.problems()).singleElement().asString()
                .startsWith("http.prot (file " + file + ") is not a setting; known: http.port, check.interval, api.token, "
                        + "application.id, and kafka.* for Kafka client settings")
                .endsWith("Did you mean http.port?");
        assertThat(reader.ignoredEnvironment()).containsExactly("SLO_PIPELINE_ROUTER_PORT");
    }

    @Test
    void shouldPassKafkaSettingsThroughButRefuseThoseTheAppSets() {
        ConfigReader reader = new ConfigReader(new ConfigLayers()
                .env(Map.of("SLO_PIPELINE_KAFKA_SECURITY_PROTOCOL", "SSL"))
                .set("kafka.application.id", "sneaky"), KEYS);

        Map<String, String> kafka = reader.passThrough(KafkaSettings.PASS_THROUGH, Map.of("application.id", "application.id"));

        assertThat(kafka).containsExactly(Map.entry("security.protocol", "SSL"));
        assertThat(reader.problems()).containsExactly(
                "kafka.application.id (set(\"kafka.application.id\")) is set by the app; use application.id");
    }

    @Test
    void shouldMaskSecretsAndEveryKafkaPasswordInAListing() {
        List<String> lines = new ConfigListing(KEYS)
                .value(PORT, 8080)
                .text(TOKEN, "letmein")
                .passThrough(KafkaSettings.PASS_THROUGH, Map.of(
                        "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----MIIEvQ",
                        "sasl.oauthbearer.token.endpoint.url", "https://idp/token",
                        "security.protocol", "SSL"))
                .lines();

        assertThat(lines).contains("http.port = 8080", "api.token = ******", "kafka.ssl.keystore.key = ******",
                "kafka.sasl.oauthbearer.token.endpoint.url = ******", "kafka.security.protocol = SSL");
        assertThat(String.join("\n", lines)).doesNotContain("letmein", "MIIEvQ", "idp");
    }

    @Test
    void shouldFallUnderAValueThatDependsOnAnotherSettingOnlyWhileNothingSetsTheKey() {
        ConfigLayers layers = new ConfigLayers().flag("application.id", "mine", "--id")
                .underneath("application.id", "derived", "data.dir")
                .underneath("check.interval", "10s", "data.dir");
        ConfigReader reader = new ConfigReader(layers, KEYS);

        assertThat(reader.get(NAME)).isEqualTo("mine");
        assertThat(reader.get(INTERVAL)).isEqualTo(Duration.ofSeconds(10));
    }
}
