package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo apply} against a real broker: what a user sees when publishing, re-publishing and pruning. */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ApplyCommandTest {

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    record Run(int exitCode, String out, String err) {
    }

    private static Run slo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SloCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @TempDir
    Path folder;

    private Path configWithTopic(String topic) throws IOException {
        Path config = folder.resolve("pipeline.properties");
        Files.writeString(config, "topics.definitions=" + topic + "\n");
        return config;
    }

    @Test
    void shouldPublishTheExamplesThenFindNothingToChange() throws IOException {
        Path config = configWithTopic(SharedKafka.unique("defs-examples"));
        String servers = kafka.bootstrapServers();

        Run dryRun = slo("apply", "--dry-run", "--bootstrap-servers", servers, "--config", config.toString(), "../slo-definitions/examples");
        Run first = slo("apply", "--bootstrap-servers", servers, "--config", config.toString(), "../slo-definitions/examples");
        Run second = slo("apply", "--bootstrap-servers", servers, "--config", config.toString(), "../slo-definitions/examples");

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("added     SLO/checkout-availability", "16 added, 0 changed, 0 unchanged",
                "dry run: nothing written to defs-examples");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("16 record(s) written to defs-examples");
        assertThat(second.out()).contains("0 added, 0 changed, 16 unchanged", "0 record(s) written");
    }

    @Test
    void shouldKeepOrPruneDefinitionsThatLeftTheFiles() throws IOException {
        Path config = configWithTopic(SharedKafka.unique("defs-prune"));
        String servers = kafka.bootstrapServers();
        Path services = folder.resolve("services.yaml");
        Files.copy(Path.of("../slo-definitions/examples/services.yaml"), services);
        Path slos = folder.resolve("slos");
        Files.createDirectories(slos);
        Files.copy(Path.of("../slo-definitions/examples/search.yaml"), slos.resolve("search.yaml"));
        assertThat(slo("apply", "--bootstrap-servers", servers, "--config", config.toString(), services.toString(), slos.toString()).exitCode()).isZero();

        Run kept = slo("apply", "--bootstrap-servers", servers, "--config", config.toString(), services.toString());
        Run pruned = slo("apply", "--prune", "--bootstrap-servers", servers, "--config", config.toString(), services.toString());

        assertThat(kept.out()).contains("kept      SLO/search-latency (not in the files; --prune removes it)");
        assertThat(pruned.out()).contains("removed   SLO/search-latency", "1 record(s) written");
    }

    @Test
    void shouldRefuseInvalidDefinitionsWithoutTouchingKafka() throws IOException {
        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: slo-pipeline/v1\nkind: Slo\n");

        Run run = slo("apply", "--bootstrap-servers", "127.0.0.1:1", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(":2:7: unknown kind \"Slo\"; did you mean \"SLO\"?", "nothing was published");
    }

    @Test
    void shouldSayWhenKafkaCannotBeReached() {
        Run run = slo("apply", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "PT2S", "../slo-definitions/examples");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("slo apply: could not publish to slo.definitions on 127.0.0.1:1");
    }
}
