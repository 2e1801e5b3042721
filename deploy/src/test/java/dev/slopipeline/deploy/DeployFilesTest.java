package dev.slopipeline.deploy;

import static dev.slopipeline.deploy.DeployYaml.documents;
import static dev.slopipeline.deploy.DeployYaml.list;
import static dev.slopipeline.deploy.DeployYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.demo.DemoRouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.run.RunSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker, compose, Kubernetes, Prometheus and Grafana files cannot run on a machine without those platforms, so
 * this checks what can be checked without them: every file parses, and each holds what its platform needs and
 * what the pipeline expects (probe paths, ports, config that the pipeline itself accepts).
 */
class DeployFilesTest {

    private static final Path DEPLOY = PromQlMetrics.DEPLOY;
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Kustomization");

    @TempDir
    Path temp;

    @Test
    void shouldParseEveryYamlAndJsonFile() throws IOException {
        List<Path> files = DeployYaml.shippedFiles();

        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                assertThat(new ObjectMapper().readTree(file.toFile())).as(file.toString()).isNotNull();
            } else {
                assertThat(documents(file)).as(file.toString()).isNotEmpty().doesNotContainNull();
            }
        }
    }

    @Test
    void shouldGiveEveryKubernetesObjectItsIdentityAndEveryContainerProbesResourcesAndKnownPorts() throws IOException {
        List<Map<String, Object>> objects = kubernetesObjects();
        Set<String> configMaps = new HashSet<>();

        for (Map<String, Object> object : objects) {
            String kind = String.valueOf(object.get("kind"));
            assertThat(object.get("apiVersion")).as(kind).isNotNull();
            if (kind.equals("Kustomization")) {
                continue;
            }
            Map<String, Object> metadata = map(object, "metadata");
            assertThat(metadata.get("name")).as(kind).isNotNull();
            if (!CLUSTER_SCOPED.contains(kind)) {
                assertThat(metadata.get("namespace")).as(kind + " " + metadata.get("name")).isEqualTo("slo-pipeline");
            }
            if (kind.equals("ConfigMap")) {
                configMaps.add(String.valueOf(metadata.get("name")));
            }
        }
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> workload : objects.stream()
                .filter(o -> Set.of("StatefulSet", "Deployment").contains(o.get("kind"))).toList()) {
            Map<String, Object> template = map(map(workload, "spec"), "template");
            Map<String, Object> podLabels = map(map(template, "metadata"), "labels");
            assertThat(map(map(map(workload, "spec"), "selector"), "matchLabels")).isEqualTo(podLabels);
            assertThat(objects).as("a Service selecting " + podLabels).anySatisfy(service -> {
                assertThat(service.get("kind")).isEqualTo("Service");
                assertThat(podLabels).containsAllEntriesOf(map(map(service, "spec"), "selector"));
            });
            for (Object container : list(map(template, "spec"), "containers")) {
                containers.add(map(container));
            }
        }
        assertThat(containers).hasSize(2);
        for (Map<String, Object> container : containers) {
            Set<Object> portNames = new HashSet<>();
            list(container, "ports").forEach(port -> portNames.add(map(port).get("name")));
            assertThat(probe(container, "livenessProbe")).containsEntry("path", "/healthz");
            assertThat(probe(container, "readinessProbe")).containsEntry("path", "/readyz");
            assertThat(portNames).contains(probe(container, "livenessProbe").get("port"), probe(container, "readinessProbe").get("port"));
            assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
            assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
            assertThat(list(container, "args")).first().isEqualTo("run");
        }
        assertThat(configMaps).contains("slo-pipeline-config");
        StatefulSetCheck.of(objects).assertHeadlessServiceExists();
    }

    @Test
    void shouldShipConfigurationsThatThePipelineItselfAccepts() throws IOException {
        Map<String, Object> configMap = kubernetesObjects().stream()
                .filter(o -> "ConfigMap".equals(o.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> data = map(configMap, "data");
        Path k8sConfig = Files.writeString(temp.resolve("slo-pipeline.yml"), String.valueOf(data.get("slo-pipeline.yml")));

        for (Path config : List.of(k8sConfig, DEPLOY.resolve("config/slo-pipeline.yml"))) {
            RunSettings settings = RunSettings.from(new ConfigLayers().file(config));
            assertThat(settings.embeddedBroker()).as(config.toString()).isFalse();
            assertThat(settings.streams().httpPort()).isEqualTo(8080);
            assertThat(settings.router().httpPort()).isEqualTo(9095);
            assertThat(settings.router().configFile()).hasValue(Path.of("/etc/slo-pipeline/router.yml"));
        }
        assertThat(RouterConfigLoader.parse("router.yml in the ConfigMap", String.valueOf(data.get("router.yml"))).config()).isPresent();
        assertThat(RouterConfigLoader.load(DEPLOY.resolve("config/router.yml")).config()).isPresent();
        // The demo's config names its acknowledge-link key, which the demo writes beside it before loading it.
        assertThat(DemoRouterConfig.forSink(URI.create("http://localhost:9099"), temp.resolve("demo")).receivers())
                .isNotEmpty();
    }

    @Test
    void shouldWireComposeServicesToFilesAndEachOther() throws IOException {
        Map<String, Object> compose = map(documents(DEPLOY.resolve("docker-compose.yml")).get(0));
        Map<String, Object> services = map(compose, "services");

        assertThat(services).containsKeys("kafka", "streams", "router", "prometheus", "grafana");
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value);
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                assertThat(services).as(name + " depends on").containsKeys(dependencies.keySet().toArray(String[]::new));
            }
            for (Object volume : service.get("volumes") instanceof List<?> list ? list : List.of()) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(DEPLOY.resolve(source)).as(name + " mounts").exists();
                } else {
                    assertThat(map(compose, "volumes")).as(name + " volume").containsKey(source);
                }
            }
        });
        assertThat(list(map(services.get("streams")), "command")).startsWith("run", "streams");
        assertThat(list(map(services.get("router")), "command")).startsWith("run", "router");
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).startsWith("#").contains("FROM eclipse-temurin:17-jre", "-Pcontainer-image", "dev.slopipeline.cli.SloCommand", "EXPOSE 8080 9095");
    }

    @Test
    void shouldScrapeBothAppsAndAlertOnLagDeadLettersAndAMissingHeartbeat() throws IOException {
        Map<String, Object> prometheus = map(documents(DEPLOY.resolve("prometheus/prometheus.yml")).get(0));
        List<Object> jobs = list(prometheus, "scrape_configs");
        Map<String, Object> rules = map(documents(PromQlMetrics.ALERT_RULES).get(0));

        assertThat(jobs).extracting(job -> map(job).get("job_name")).contains("slo-streams", "slo-router");
        assertThat(String.valueOf(jobs)).contains("streams:8080", "router:9095");
        assertThat(list(prometheus, "rule_files")).containsExactly("alerts.yml", "sloth-rules.yml");
        List<Map<String, Object>> alertRules = list(rules, "groups").stream()
                .flatMap(group -> list(map(group), "rules").stream()).map(DeployYaml::map).toList();
        assertThat(alertRules).extracting(rule -> rule.get("alert"))
                .contains("SloPipelineConsumerLag", "SloPipelineDeadLetters", "SloPipelineHeartbeatMissing",
                        "SloDefinitionsRefused", "SloRouterConfigReloadFailed", "SloRouterIntentConsumptionPaused");
        assertThat(alertRules).allSatisfy(rule -> {
            assertThat(rule.get("expr")).isNotNull();
            assertThat(map(rule, "labels")).containsKey("severity");
            assertThat(map(rule, "annotations")).containsKey("summary");
        });
    }

    @Test
    void shouldPointEveryRunbookUrlAtASectionOfTheReadme() throws IOException {
        Set<String> anchors = new HashSet<>();
        Files.readAllLines(DEPLOY.resolveSibling("README.md")).stream().filter(line -> line.startsWith("#"))
                .map(heading -> heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .forEach(anchors::add);
        Map<String, Object> rules = map(documents(PromQlMetrics.ALERT_RULES).get(0));
        List<Map<String, Object>> alertRules = list(rules, "groups").stream()
                .flatMap(group -> list(map(group), "rules").stream()).map(DeployYaml::map).toList();

        List<String> withRunbooks = List.of("SloPipelineDeadLetters", "SloDefinitionsRefused", "SloRouterConfigReloadFailed",
                "SloRouterIntentConsumptionPaused");
        assertThat(alertRules).filteredOn(rule -> withRunbooks.contains(rule.get("alert"))).hasSize(withRunbooks.size());
        for (Map<String, Object> rule : alertRules) {
            Object runbook = map(rule, "annotations").get("runbook_url");
            if (withRunbooks.contains(rule.get("alert")) || runbook != null) {
                assertThat(String.valueOf(runbook)).as(rule.get("alert") + "'s runbook").startsWith("README.md#");
                assertThat(anchors).as(rule.get("alert") + "'s runbook").contains(String.valueOf(runbook).substring("README.md#".length()));
            }
        }
    }

    @Test
    void shouldRepeatARowPerSloOnTheChosenDataSourceInTheSloDashboard() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(PromQlMetrics.SLO_DASHBOARD.toFile());
        JsonNode variables = dashboard.path("templating").path("list");
        Set<Integer> ids = new HashSet<>();

        assertThat(dashboard.path("uid").asText()).isEqualTo("slo-overview");
        assertThat(variables).extracting(variable -> variable.path("name").asText() + ":" + variable.path("type").asText())
                .containsExactly("datasource:datasource", "slo:query");
        assertThat(variables.get(0).path("query").asText()).isEqualTo("prometheus");
        assertThat(variables.get(1).path("definition").asText()).isEqualTo("label_values(slo_info, slo)");
        assertThat(variables.get(1).path("includeAll").asBoolean()).isTrue();
        JsonNode row = dashboard.path("panels").get(0);
        assertThat(row.path("type").asText()).isEqualTo("row");
        assertThat(row.path("repeat").asText()).isEqualTo("slo");
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        assertThat(panels.subList(1, panels.size())).extracting(panel -> panel.path("title").asText())
                .containsExactly("SLI vs objective", "Error budget remaining", "Burn rate per window", "Alert state");
        assertThat(panels).allSatisfy(panel -> assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue());
        assertThat(panels.subList(1, panels.size())).allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(target.path("expr").asText()).contains("slo=~\"$slo\"");
            });
        });
    }

    @Test
    void shouldGiveTheDashboardQueriesOnTheProvisionedDataSource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(PromQlMetrics.DASHBOARD.toFile());
        Map<String, Object> datasources = map(documents(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")).get(0));
        String uid = String.valueOf(map(list(datasources, "datasources").get(0)).get("uid"));
        Set<Integer> ids = new HashSet<>();

        assertThat(dashboard.path("uid").asText()).isEqualTo("slo-pipeline");
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(8).allSatisfy(panel -> {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id").isTrue();
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("gridPos").path("w").asInt()).isPositive();
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
            assertThat(panel.path("targets")).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
        });
        assertThat(PromQlMetrics.names()).contains("slo_events_dead_lettered_total",
                "kafka_consumer_fetch_manager_records_lag_max", "slo_pipeline_streams_running", "slo_sli_ratio",
                "slo_router_delivery_latency_seconds_bucket")
                .noneMatch(name -> name.contains(":") || name.startsWith("label_") || name.equals("sloth_slo_info"));
    }

    /** Every object of every file under k8s/, each kustomization's resources checked to exist beside it. */
    private static List<Map<String, Object>> kubernetesObjects() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                for (Object document : documents(file)) {
                    Map<String, Object> object = map(document);
                    objects.add(object);
                    if ("Kustomization".equals(object.get("kind"))) {
                        list(object, "resources").forEach(resource ->
                                assertThat(file.resolveSibling(String.valueOf(resource))).as(file + " lists").exists());
                    }
                }
            }
        }
        assertThat(objects).filteredOn(o -> "Kustomization".equals(o.get("kind"))).isNotEmpty();
        return objects;
    }

    /** Checks tying a StatefulSet to the headless Service it names. */
    private record StatefulSetCheck(List<Map<String, Object>> objects) {
        static StatefulSetCheck of(List<Map<String, Object>> objects) {
            return new StatefulSetCheck(objects);
        }

        void assertHeadlessServiceExists() {
            Map<String, Object> statefulSet = objects.stream().filter(o -> "StatefulSet".equals(o.get("kind"))).findFirst().orElseThrow();
            Object serviceName = map(statefulSet, "spec").get("serviceName");
            assertThat(objects).anySatisfy(service -> {
                assertThat(service.get("kind")).isEqualTo("Service");
                assertThat(map(service, "metadata").get("name")).isEqualTo(serviceName);
                assertThat(map(service, "spec").get("clusterIP")).isEqualTo("None");
            });
        }
    }

    private static Map<String, Object> probe(Map<String, Object> container, String name) {
        return map(map(container, name), "httpGet");
    }
}
