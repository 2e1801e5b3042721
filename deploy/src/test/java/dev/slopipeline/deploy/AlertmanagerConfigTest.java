package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.config.RouterConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every router config shipped in Alertmanager's format is one a team can keep for both tools: Alertmanager's own
 * checker ({@code amtool check-config}, Debian's prometheus-alertmanager) accepts it as shipped, and the router loads
 * it without a problem, so also without the warning about on-call sections left in it (those live in the on-call
 * file beside it).
 */
class AlertmanagerConfigTest {

    private static final Path DEPLOY = PromQlMetrics.DEPLOY;

    @TempDir
    Path temp;

    @Test
    void shouldPassAmtoolAndLoadWithoutProblemsAsShipped() throws Exception {
        List<Path> configs = new ArrayList<>(DeployYaml.filesWithTopLevelKey("route"));
        configs.add(configMapRouterConfig());

        assertThat(configs).contains(DEPLOY.resolve("examples/router.yml"), DEPLOY.resolve("examples/demo-router.yml"),
                DEPLOY.resolve("config/router.yml"));
        for (Path config : configs) {
            InstalledTool.Run check = InstalledTool.AMTOOL.run("check-config", config.toString());

            assertThat(check.exitCode()).as(config + ": " + check.output()).isZero();
            assertThat(check.output()).contains("SUCCESS");
            assertThat(RouterConfigLoader.load(config).problems()).as(config.toString()).isEmpty();
        }
    }

    /** The router.yml that the Kubernetes ConfigMap holds, as a file of its own. */
    private Path configMapRouterConfig() throws IOException {
        Map<String, Object> configMap = DeployYaml.map(DeployYaml.documents(DEPLOY.resolve("k8s/configmap.yaml")).get(0));
        return Files.writeString(temp.resolve("configmap-router.yml"), String.valueOf(DeployYaml.map(configMap, "data").get("router.yml")));
    }
}
