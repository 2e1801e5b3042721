package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped logging configuration ({@code logback.xml}) in a process of its own, set up through the
 * environment as an operator would: plain lines by default, JSON lines with {@code SLO_PIPELINE_LOG_FORMAT=json},
 * the level by {@code SLO_PIPELINE_LOG_LEVEL}, Kafka's chatter held back at WARN.
 */
class LoggingConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldLogOneJsonObjectPerLineWhenAskedTo() throws Exception {
        List<String> lines = stderrOf(Map.of("SLO_PIPELINE_LOG_FORMAT", "json"));

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("loggerName").asText()).isEqualTo("dev.slopipeline.streams.app.StreamsApp");
        assertThat(line.get("formattedMessage").asText()).isEqualTo("Streams client REBALANCING -> RUNNING");
        assertThat(line.get("timestamp").asLong()).isPositive();
    }

    @Test
    void shouldLogOnePlainLinePerEventByDefaultAndHoldKafkaBack() throws Exception {
        List<String> lines = stderrOf(Map.of());

        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  StreamsApp - Streams client REBALANCING -> RUNNING"));
    }

    @Test
    void shouldTakeTheLevelFromTheEnvironment() throws Exception {
        assertThat(stderrOf(Map.of("SLO_PIPELINE_LOG_LEVEL", "WARN"))).isEmpty();
    }

    /** Runs {@link LogOnce} with the main configuration (not the tests') and the given environment. */
    private static List<String> stderrOf(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), LogOnce.class.getName());
        builder.environment().remove("SLO_PIPELINE_LOG_FORMAT");
        builder.environment().remove("SLO_PIPELINE_LOG_LEVEL");
        builder.environment().putAll(env);
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(stderr, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }
}
