package dev.slopipeline.deploy;

import static dev.slopipeline.deploy.DeployYaml.list;
import static dev.slopipeline.deploy.DeployYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes objects as {@code kubectl kustomize} renders them from deploy/k8s and deploy/k8s/apply-definitions
 * (kubectl of Debian's kubernetes-client; no cluster is needed, and none is used): hardened pods, the image tag set
 * by kustomize, secrets only as files, room beside the heap for RocksDB, disruption budgets, and the names the
 * Kubernetes Prometheus config scrapes.
 */
class KustomizeTest {

    private static final Set<String> WORKLOADS = Set.of("StatefulSet", "Deployment", "Job");
    private static final String SECRETS_MOUNT = "/etc/slo-pipeline-secrets";
    private static final Pattern HEAP_PERCENT = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");
    private static final Pattern MEBIBYTES = Pattern.compile("(\\d+)(Mi|Gi)");

    private static List<Map<String, Object>> pipeline;
    private static List<Map<String, Object>> applyJob;

    @BeforeAll
    static void render() throws Exception {
        pipeline = kustomize("k8s");
        applyJob = kustomize("k8s/apply-definitions");
    }

    @Test
    void shouldRenderThePipelineInItsNamespaceAndTheJobApart() {
        assertThat(pipeline).extracting(object -> object.get("kind") + "/" + map(object, "metadata").get("name"))
                .containsExactlyInAnyOrder("Namespace/slo-pipeline", "ConfigMap/slo-pipeline-config",
                        "Service/slo-streams-headless", "Service/slo-streams", "StatefulSet/slo-streams",
                        "Service/slo-router", "Service/slo-router-headless", "Deployment/slo-router",
                        "PodDisruptionBudget/slo-streams", "PodDisruptionBudget/slo-router");
        assertThat(applyJob).extracting(object -> object.get("kind") + "/" + map(object, "metadata").get("name"))
                .containsExactly("Job/slo-apply");
        List<Map<String, Object>> all = new ArrayList<>(pipeline);
        all.addAll(applyJob);
        assertThat(all).filteredOn(object -> !"Namespace".equals(object.get("kind")))
                .allSatisfy(object -> assertThat(map(object, "metadata").get("namespace")).isEqualTo("slo-pipeline"));
    }

    @Test
    void shouldRunEveryContainerOfTheImageTaggedByKustomizeWithoutPrivilegesOnAReadOnlyRoot() {
        List<Object> images = new ArrayList<>();
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> pod = podSpec(workload);
            String name = String.valueOf(map(workload, "metadata").get("name"));

            assertThat(pod.get("automountServiceAccountToken")).as(name).isEqualTo(false);
            assertThat(map(pod, "securityContext")).as(name).containsEntry("runAsNonRoot", true);
            for (Object each : list(pod, "containers")) {
                Map<String, Object> container = map(each);
                Map<String, Object> security = map(container, "securityContext");
                images.add(container.get("image"));

                assertThat(security).as(name).containsEntry("allowPrivilegeEscalation", false)
                        .containsEntry("readOnlyRootFilesystem", true);
                assertThat(list(map(security, "capabilities"), "drop")).as(name).containsExactly("ALL");
                assertThat(map(security, "seccompProfile")).as(name).containsEntry("type", "RuntimeDefault");
                assertThat(volumeAt(pod, container, "/tmp")).as(name + ": /tmp for RocksDB").containsKey("emptyDir");
            }
        }
        assertThat(images).hasSize(3).containsOnly(images.get(0));
        assertThat(String.valueOf(images.get(0))).matches("slo-pipeline:\\d+\\.\\d+\\.\\d+");
        assertThat(volumeAt(podSpec(workload("StatefulSet")), container("StatefulSet"), "/var/lib/slo-pipeline"))
                .as("the streams app's state on its own volume").containsEntry("name", "state");
        assertThat(list(map(workload("StatefulSet"), "spec"), "volumeClaimTemplates")).isNotEmpty();
        assertThat(volumeAt(podSpec(workload("Deployment")), container("Deployment"), "/var/lib/slo-pipeline"))
                .as("the router's state, restored from its changelogs").containsKey("emptyDir");
    }

    @Test
    void shouldGiveSecretsAsFilesOnlyAndTheRouterItsTokensFromThem() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> pod = podSpec(workload);
            for (Object each : list(pod, "containers")) {
                Map<String, Object> container = map(each);
                List<Object> env = container.get("env") instanceof List<?> given ? List.copyOf(given) : List.of();

                assertThat(env).as("no secret in the environment").noneMatch(variable -> String.valueOf(variable).contains("secretKeyRef"));
                assertThat(volumeAt(pod, container, SECRETS_MOUNT)).containsKey("secret");
                assertThat(map(volumeAt(pod, container, SECRETS_MOUNT), "secret")).containsEntry("secretName", "slo-pipeline");
            }
        }
        Map<String, Object> router = container("Deployment");
        assertThat(list(router, "env")).contains(Map.of("name", "SLO_PIPELINE_ROUTER_API_TOKENS_FILE",
                "value", SECRETS_MOUNT + "/router-api-tokens"));
        String config = String.valueOf(map(pipeline.stream().filter(o -> "ConfigMap".equals(o.get("kind"))).findFirst()
                .orElseThrow(), "data").get("slo-pipeline.yml"));
        assertThat(config).contains("DirectoryConfigProvider", "allowed.paths: " + SECRETS_MOUNT,
                "${secrets:" + SECRETS_MOUNT + ":kafka-sasl-jaas-config}");
    }

    @Test
    void shouldLeaveAtLeastHalfOfEachAppsMemoryLimitToRocksDbAndTheJvmBesideTheHeap() {
        for (String kind : List.of("StatefulSet", "Deployment")) {
            Map<String, Object> container = container(kind);
            Map<String, Object> resources = map(container, "resources");
            String options = list(container, "env").stream().map(DeployYaml::map)
                    .filter(variable -> "JDK_JAVA_OPTIONS".equals(variable.get("name"))).map(variable -> String.valueOf(variable.get("value")))
                    .findFirst().orElse("");
            Matcher heap = HEAP_PERCENT.matcher(options);

            assertThat(heap.find()).as(kind + " sets its heap share: " + options).isTrue();
            assertThat(Integer.parseInt(heap.group(1))).as(kind + " heap percent of the limit").isLessThanOrEqualTo(50);
            long limit = mebibytes(map(resources, "limits").get("memory"));
            assertThat(limit).as(kind + " memory limit in MiB").isGreaterThanOrEqualTo(1024);
            assertThat(map(resources, "requests").get("memory")).as(kind + ": requested as much as the limit, never "
                    + "killed for memory a node promised").isEqualTo(map(resources, "limits").get("memory"));
        }
    }

    @Test
    void shouldLetADrainTakeAtMostOneInstanceOfEachAppAtATime() {
        for (String kind : List.of("StatefulSet", "Deployment")) {
            Map<String, Object> podLabels = map(map(map(map(workload(kind), "spec"), "template"), "metadata"), "labels");

            assertThat(pipeline).as(kind).anySatisfy(budget -> {
                assertThat(budget.get("kind")).isEqualTo("PodDisruptionBudget");
                assertThat(budget.get("apiVersion")).isEqualTo("policy/v1");
                assertThat(map(budget, "spec")).containsEntry("maxUnavailable", 1);
                assertThat(map(map(budget, "spec"), "selector")).containsEntry("matchLabels", podLabels);
            });
        }
    }

    @Test
    void shouldGivePrometheusADnsNamePerPodOfBothApps() throws IOException {
        Map<String, Object> prometheus = map(DeployYaml.documents(PromQlMetrics.DEPLOY.resolve("prometheus/kubernetes.yml")).get(0));

        for (Object each : list(prometheus, "scrape_configs")) {
            Map<String, Object> sd = map(list(map(each), "dns_sd_configs").get(0));
            String dnsName = String.valueOf(list(sd, "names").get(0));
            String service = dnsName.substring(0, dnsName.indexOf('.'));

            assertThat(dnsName).isEqualTo(service + ".slo-pipeline.svc.cluster.local");
            assertThat(pipeline).as(dnsName).anySatisfy(object -> {
                assertThat(object.get("kind")).isEqualTo("Service");
                assertThat(map(object, "metadata").get("name")).isEqualTo(service);
                assertThat(map(object, "spec")).containsEntry("clusterIP", "None").containsEntry("publishNotReadyAddresses", true);
                assertThat(map(list(map(object, "spec"), "ports").get(0))).containsEntry("port", sd.get("port"));
            });
        }
    }

    private static List<Map<String, Object>> kustomize(String folder) throws Exception {
        InstalledTool.Run render = InstalledTool.KUBECTL.run("kustomize", folder);
        assertThat(render.exitCode()).as(render.output()).isZero();
        return DeployYaml.documents(render.output()).stream().map(DeployYaml::map).toList();
    }

    private static List<Map<String, Object>> workloads() {
        List<Map<String, Object>> workloads = new ArrayList<>();
        for (List<Map<String, Object>> rendered : List.of(pipeline, applyJob)) {
            rendered.stream().filter(object -> WORKLOADS.contains(String.valueOf(object.get("kind")))).forEach(workloads::add);
        }
        return workloads;
    }

    private static Map<String, Object> workload(String kind) {
        return workloads().stream().filter(object -> kind.equals(object.get("kind"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload, "spec"), "template"), "spec");
    }

    private static Map<String, Object> container(String kind) {
        return map(list(podSpec(workload(kind)), "containers").get(0));
    }

    /** The volume (or, for a StatefulSet's own, its claim's name) mounted at {@code path} in the container. */
    private static Map<String, Object> volumeAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        Object name = list(container, "volumeMounts").stream().map(DeployYaml::map)
                .filter(mount -> path.equals(mount.get("mountPath"))).map(mount -> mount.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
        List<Object> volumes = pod.get("volumes") instanceof List<?> given ? List.copyOf(given) : List.of();
        return volumes.stream().map(DeployYaml::map).filter(volume -> name.equals(volume.get("name"))).findFirst()
                .orElse(Map.of("name", name));
    }

    private static long mebibytes(Object quantity) {
        Matcher matcher = MEBIBYTES.matcher(String.valueOf(quantity));
        assertThat(matcher.matches()).as("a quantity in Mi or Gi: " + quantity).isTrue();
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("Gi") ? 1024 : 1);
    }
}
