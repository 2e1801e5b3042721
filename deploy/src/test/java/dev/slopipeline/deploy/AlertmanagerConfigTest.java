package dev.slopipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every router config shipped in Alertmanager's format, as Alertmanager's own checker reads it ({@code amtool
 * check-config}, Debian's prometheus-alertmanager).
 *
 * <p>The router's on-call sections ({@code users}, {@code schedules}, {@code escalation_policies}, {@code paging})
 * and the {@code name} of an inhibit rule are not Alertmanager's, and amtool refuses a file with a field it does not
 * know. So the example configs that use them, {@code examples/router.yml} and {@code examples/demo-router.yml},
 * are checked with those parts left out; once the on-call part lives in a file of its own, they can be checked as
 * shipped like the others.
 */
class AlertmanagerConfigTest {

    private static final Path DEPLOY = PromQlMetrics.DEPLOY;
    private static final Set<String> ROUTER_ONLY_SECTIONS = Set.of("users", "schedules", "escalation_policies", "paging");

    @TempDir
    Path temp;

    @Test
    void shouldPassAmtoolAsShippedForComposeAndKubernetes() throws Exception {
        List<Path> configs = List.of(DEPLOY.resolve("config/router.yml"), configMapRouterConfig());

        for (Path config : configs) {
            InstalledTool.Run check = InstalledTool.AMTOOL.run("check-config", config.toString());

            assertThat(check.exitCode()).as(config + ": " + check.output()).isZero();
            assertThat(check.output()).contains("SUCCESS");
        }
    }

    @Test
    void shouldPassAmtoolWithTheRoutersOwnSectionsLeftOutOfEveryShippedRouterConfig() throws Exception {
        List<Path> configs = new ArrayList<>(DeployYaml.filesWithTopLevelKey("route"));
        configs.add(configMapRouterConfig());

        assertThat(configs).contains(DEPLOY.resolve("examples/router.yml"), DEPLOY.resolve("examples/demo-router.yml"));
        for (Path config : configs) {
            Path alertmanagerPart = alertmanagerPart(config);
            InstalledTool.Run check = InstalledTool.AMTOOL.run("check-config", alertmanagerPart.toString());

            assertThat(check.exitCode()).as(config + " without the router's own sections: " + check.output()).isZero();
        }
    }

    /** The router.yml that the Kubernetes ConfigMap holds, as a file of its own. */
    private Path configMapRouterConfig() throws IOException {
        Map<String, Object> configMap = DeployYaml.map(DeployYaml.documents(DEPLOY.resolve("k8s/configmap.yaml")).get(0));
        return Files.writeString(temp.resolve("configmap-router.yml"), String.valueOf(DeployYaml.map(configMap, "data").get("router.yml")));
    }

    /** {@code config} without the on-call sections and without names on inhibit rules. */
    private Path alertmanagerPart(Path config) throws IOException {
        Map<String, Object> sections = new LinkedHashMap<>(DeployYaml.map(DeployYaml.documents(config).get(0)));
        sections.keySet().removeAll(ROUTER_ONLY_SECTIONS);
        if (sections.get("inhibit_rules") instanceof List<?> rules) {
            sections.put("inhibit_rules", rules.stream().map(rule -> {
                Map<String, Object> unnamed = new LinkedHashMap<>(DeployYaml.map(rule));
                unnamed.remove("name");
                return unnamed;
            }).toList());
        }
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return Files.writeString(temp.resolve("alertmanager-part-of-" + config.getFileName()), new Yaml(block).dump(sections));
    }
}
