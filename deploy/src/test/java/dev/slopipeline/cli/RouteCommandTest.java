package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo route test} answers as amtool does; {@code slo route check} locates config mistakes. */
class RouteCommandTest {

    private static final String EXAMPLE = "examples/router.yml";

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

    @Test
    void shouldPrintTheReceiversInTreeOrderFollowingContinue() {
        Run run = slo("route", "test", "--config", EXAMPLE, "severity=page", "team=payments");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("audit-log,payments-pager" + System.lineSeparator());
    }

    @Test
    void shouldFallBackToTheNearestMatchingParent() {
        assertThat(slo("route", "test", "--config", EXAMPLE, "severity=ticket", "team=search").out().strip()).isEqualTo("team-slack");
        assertThat(slo("route", "test", "--config", EXAMPLE, "severity=ticket", "team=payments").out().strip()).isEqualTo("payments-slack");
        assertThat(slo("route", "test", "--config", EXAMPLE).out().strip()).as("no labels: the root").isEqualTo("sre-tickets");
    }

    @Test
    void shouldVerifyTheExpectedReceivers() {
        assertThat(slo("route", "test", "--config", EXAMPLE, "--verify-receivers", "audit-log,payments-pager",
                "severity=page", "team=payments").exitCode()).isZero();
        Run wrong = slo("route", "test", "--config", EXAMPLE, "--verify-receivers", "payments-pager", "severity=page", "team=payments");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("expected receivers \"payments-pager\", got \"audit-log,payments-pager\"");
    }

    @Test
    void shouldRefuseALabelWithoutAValue() {
        Run run = slo("route", "test", "--config", EXAMPLE, "severity");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read the label 'severity'");
    }

    @Test
    void shouldLocateConfigurationMistakes() throws IOException {
        Path config = folder.resolve("router.yml");
        Files.writeString(config, """
                route:
                  receiver: pager
                  group_wait: 30s
                receivers:
                  - name: pagr
                """);

        Run check = slo("route", "check", config.toString());
        Run test = slo("route", "test", "--config", config.toString(), "severity=page");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains(config + ":2:13: ").contains("\"pager\"");
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.out()).isEmpty();
        assertThat(slo("route", "check", EXAMPLE).out()).isEqualTo("ok: 6 receivers, 6 routes" + System.lineSeparator());
    }
}
