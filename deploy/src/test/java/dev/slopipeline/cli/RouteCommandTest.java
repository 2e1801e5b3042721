package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** Alert labels, and the receivers {@code examples/router.yml} sends such an alert to. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a page for payments goes to the audit log and, since that route continues, to the payments pager | severity=page team=payments   | audit-log,payments-pager
            a ticket for a team without a route of its own falls back to the nearest matching parent         | severity=ticket team=search   | team-slack
            a ticket for payments goes to the nested route of its team                                       | severity=ticket team=payments | payments-slack
            an alert without labels stays at the root                                                        |                               | sre-tickets
            """)
    void shouldPrintTheReceiversInTreeOrderFollowingContinue(String behaviour, String labels, String receivers) {
        List<String> args = new ArrayList<>(List.of("route", "test", "--config", EXAMPLE));
        if (labels != null) {
            args.addAll(List.of(labels.split(" ")));
        }

        Run run = slo(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(behaviour).isZero();
        assertThat(run.out()).as(behaviour).isEqualTo(receivers + System.lineSeparator());
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

    @Test
    void shouldCheckAConfigWithoutPrintingItsCredentials() throws IOException {
        Path config = folder.resolve("router.yml");
        Files.writeString(folder.resolve("short-ack-key"), "short-ack-key-material\n");
        Files.writeString(config, """
                route: {receiver: slack}
                receivers:
                - {name: slack, slack_configs: [{api_url: 'ftp://hooks.slack.com/services/T0/B0/slackTokenQRSTUVW'}]}
                - {name: pager, pagerduty_configs: [{routing_key_file: missing-key}]}
                users: [{name: alice, time_zone: UTC, contacts: [{type: email, address: a@example.com}]}]
                escalation_policies: [{name: payments, levels: [{users: [alice]}]}]
                paging: {receivers: {pager: payments}, ack_links: {secret_file: short-ack-key}}
                """);

        Run check = slo("route", "check", config.toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out())
                .contains(config + ":3:43: \"api_url\" in slack_configs[0] of receiver \"slack\" must be an http or"
                        + " https URL with a host, e.g. https://hooks.example.com/alerts, got"
                        + " \"ftp://hooks.slack.com/<secret>\"")
                .contains(config + ":4:56: \"routing_key_file\" in pagerduty_configs[0] of receiver \"pager\": cannot"
                        + " read secret file " + folder.resolve("missing-key") + " (NoSuchFileException)")
                .contains(config + ":7:65: \"secret_file\" in \"ack_links\" in \"paging\": the acknowledge-link key"
                        + " holds 22 bytes; it needs at least 32")
                .doesNotContain("slackTokenQRSTUVW")
                .doesNotContain("short-ack-key-material");
    }
}
