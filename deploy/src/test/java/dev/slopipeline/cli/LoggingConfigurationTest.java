package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped logging configuration ({@code logback.xml}) in a process of its own, set up through the
 * environment as an operator would: plain lines by default, JSON lines with {@code SLO_PIPELINE_LOG_FORMAT=json},
 * the level by {@code SLO_PIPELINE_LOG_LEVEL}, both in any case, a loud error for anything else, Kafka's chatter
 * held back at WARN.
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

    @Test
    void shouldReadBothVariablesInAnyCase() throws Exception {
        assertThat(stderrOf(Map.of("SLO_PIPELINE_LOG_FORMAT", "JSON"))).singleElement()
                .satisfies(line -> assertThat(JSON.readTree(line).get("level").asText()).isEqualTo("INFO"));
        assertThat(stderrOf(Map.of("SLO_PIPELINE_LOG_FORMAT", "Plain"))).singleElement().asString().contains("INFO  StreamsApp");
        assertThat(stderrOf(Map.of("SLO_PIPELINE_LOG_LEVEL", "warn"))).isEmpty();
        assertThat(stderrOf(Map.of("SLO_PIPELINE_LOG_LEVEL", "warning"))).as("WARNING means WARN").isEmpty();
        assertThat(stderrOf(Map.of("SLO_PIPELINE_LOG_LEVEL", "debug"))).singleElement().asString().contains("INFO  StreamsApp");
    }

    @Test
    void shouldNameAnUnknownValueItsVariableAndWhatItAcceptsAndGoOnLoggingWithTheDefault() throws Exception {
        List<String> lines = stderrOf(Map.of("SLO_PIPELINE_LOG_LEVEL", "verbose", "SLO_PIPELINE_LOG_FORMAT", "xml"));

        assertThat(lines).contains(
                "slo-pipeline: log.format (environment SLO_PIPELINE_LOG_FORMAT) must be plain or json (in any case), "
                        + "got \"xml\"; using plain instead",
                "slo-pipeline: log.level (environment SLO_PIPELINE_LOG_LEVEL) must be TRACE, DEBUG, INFO, WARN, ERROR, OFF "
                        + "or ALL (in any case; WARNING means WARN), got \"verbose\"; using INFO instead");
        assertThat(lines).last().asString().endsWith("INFO  StreamsApp - Streams client REBALANCING -> RUNNING");
    }

    @Test
    void shouldRefuseToRunACommandWithAnUnknownValue() throws Exception {
        Run slo = run(Map.of("SLO_PIPELINE_LOG_LEVEL", "loud"), SloCommand.class, "--version");

        assertThat(slo.exitCode()).isEqualTo(2);
        assertThat(slo.stderr()).containsExactly("slo: invalid configuration:",
                "  log.level (environment SLO_PIPELINE_LOG_LEVEL) must be TRACE, DEBUG, INFO, WARN, ERROR, OFF or ALL "
                        + "(in any case; WARNING means WARN), got \"loud\"");
    }

    private record Run(int exitCode, List<String> stderr) {
    }

    /** Runs {@link LogOnce} with the main configuration (not the tests') and the given environment. */
    private static List<String> stderrOf(Map<String, String> env) throws IOException, InterruptedException {
        return run(env, LogOnce.class).stderr();
    }

    private static Run run(Map<String, String> env, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SLO_PIPELINE_LOG_FORMAT");
        builder.environment().remove("SLO_PIPELINE_LOG_LEVEL");
        builder.environment().putAll(env);
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(stderr, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList());
    }
}
