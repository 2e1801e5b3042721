package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped rule files as Prometheus reads them: valid, lint-clean, and computing what their unit tests expect. */
class PromtoolRulesTest {

    private static final Path UNIT_TESTS = PromQlMetrics.DEPLOY.resolve("src/test/resources/promtool");

    @Test
    void shouldLoadTheShippedRuleFilesWithoutALintProblem() throws Exception {
        InstalledTool.Run check = InstalledTool.PROMTOOL.run("check", "rules", "--lint=all", "--lint-fatal",
                PromQlMetrics.ALERT_RULES.toString(), PromQlMetrics.SLOTH_RULES.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 9 rules found", "SUCCESS: 23 rules found").doesNotContain("FAILED");
    }

    @Test
    void shouldRecordSlothsSeriesFromThePipelinesOwn() throws Exception {
        InstalledTool.Run test = InstalledTool.PROMTOOL.run("test", "rules", UNIT_TESTS.resolve("sloth-rules.test.yml").toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
    }

    @Test
    void shouldKeepEachSeriesOfASplitSloApartWithItsOwnFigures() throws Exception {
        InstalledTool.Run test = InstalledTool.PROMTOOL.run("test", "rules", UNIT_TESTS.resolve("sloth-rules-split.test.yml").toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
    }

    @Test
    void shouldFireThePipelineAlertsOnWhatTheAppsExportAndOnlyThen() throws Exception {
        InstalledTool.Run test = InstalledTool.PROMTOOL.run("test", "rules", UNIT_TESTS.resolve("alerts.test.yml").toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
    }
}
