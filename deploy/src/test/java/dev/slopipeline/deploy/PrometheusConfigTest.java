package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Prometheus configuration shipped, one per platform, as Prometheus's own checker reads it: valid, its rule
 * files found beside it and valid, and scraping both apps under the job names the rules use.
 */
class PrometheusConfigTest {

    private static final Path PROMETHEUS = PromQlMetrics.DEPLOY.resolve("prometheus");

    @Test
    void shouldShipOneCheckedConfigForComposeAndOneForKubernetes() throws Exception {
        List<Path> configs = DeployYaml.filesWithTopLevelKey("scrape_configs");

        assertThat(configs).containsExactlyInAnyOrder(PROMETHEUS.resolve("prometheus.yml"), PROMETHEUS.resolve("kubernetes.yml"));
        for (Path config : configs) {
            InstalledTool.Run check = InstalledTool.PROMTOOL.run("check", "config", "--lint=all", "--lint-fatal",
                    config.toString());

            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).as(config.toString()).contains("SUCCESS: 2 rule files found",
                    "SUCCESS: 9 rules found", "SUCCESS: 23 rules found").doesNotContain("FAILED");
            assertThat(jobs(config)).as(config.toString()).containsExactly("slo-streams", "slo-router");
        }
    }

    private static List<Object> jobs(Path config) throws IOException {
        Map<String, Object> prometheus = DeployYaml.map(DeployYaml.documents(config).get(0));
        return DeployYaml.list(prometheus, "scrape_configs").stream().map(job -> DeployYaml.map(job).get("job_name")).toList();
    }
}
