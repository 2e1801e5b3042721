package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.config.InvalidConfigException;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import dev.slopipeline.router.topology.RouterTopics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterAppConfigTest {

    @TempDir
    Path dir;

    @Test
    void shouldRouteOnTheStandardTopicsWithWritesRefusedByDefault() {
        RouterAppConfig config = RouterAppConfig.builder().build();

        assertThat(config.applicationId()).isEqualTo("slo-pipeline-router");
        assertThat(config.httpPort()).isEqualTo(9095);
        assertThat(config.stateDir()).isEqualTo(Path.of("data/router"));
        assertThat(config.topics()).isEqualTo(RouterTopics.DEFAULT);
        assertThat(config.delivery().groupId()).isEqualTo("slo-pipeline-router-dispatch");
        assertThat(config.delivery().topics()).isEqualTo(DispatchTopics.DEFAULT);
        assertThat(config.delivery().maxUnfinishedIntents()).isEqualTo(10_000);
        assertThat(config.punctuationInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.configCheckInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.access().tokens()).isEmpty();
        assertThat(config.personLabels()).as("no person's name on /metrics").isFalse();
        assertThat(config.silenceLimits()).isEqualTo(new SilenceLimits(1_000, Duration.ofDays(30)));
        assertThat(config.configFile()).isEmpty();
        assertThat(config.externalUrl()).isEmpty();
    }

    @Test
    void shouldReadTheSameKeysFromAFileAndTheEnvironmentAsSloRunDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("slo-pipeline.yml"), """
                router:
                  config: /etc/slo-pipeline/router.yml
                  external.url: https://slo-router.example.com
                  partitions: 6
                  deliveries.retention: 60d
                  topics: {deliveries: shop.deliveries}
                kafka: {security.protocol: SSL}
                """);

        RouterAppConfig config = RouterAppConfig.builder().file(file).env(Map.of(
                "SLO_PIPELINE_ROUTER_HTTP_PORT", "9191",
                "SLO_PIPELINE_ROUTER_API_TOKEN", "letmein",
                "SLO_PIPELINE_ROUTER_PUNCTUATION_INTERVAL", "250ms",
                "SLO_PIPELINE_HTTP_PORT", "8181")).build();

        assertThat(config.configFile()).contains(Path.of("/etc/slo-pipeline/router.yml"));
        assertThat(config.externalUrl()).contains(URI.create("https://slo-router.example.com"));
        assertThat(config.httpPort()).isEqualTo(9191);
        assertThat(config.punctuationInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.delivery().topics()).isEqualTo(new DispatchTopics("router.notifications", "shop.deliveries", 6,
                Duration.ofDays(60)));
        assertThat(config.access().tokens()).containsExactly(new ApiToken("write token", ApiScope.WRITE, "letmein"));
        assertThat(config.kafka()).containsExactly(Map.entry("security.protocol", "SSL"));
    }

    @Test
    void shouldReadTheOnCallFileOnlyBesideARouterFile() {
        RouterAppConfig config = RouterAppConfig.builder().env(Map.of(
                "SLO_PIPELINE_ROUTER_CONFIG", "/etc/slo-pipeline/router.yml",
                "SLO_PIPELINE_ROUTER_ONCALL_CONFIG", "/etc/slo-pipeline/oncall.yml")).build();

        assertThat(config.onCallConfigFile()).contains(Path.of("/etc/slo-pipeline/oncall.yml"));
        assertThatThrownBy(() -> RouterAppConfig.builder()
                .set(RouterAppKeys.ONCALL_CONFIG, Path.of("/etc/slo-pipeline/oncall.yml")).build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("the on-call file goes with a router file: set router.config too");
    }

    @Test
    void shouldGiveReadTokensTheirOwnKey() {
        RouterAppConfig config = RouterAppConfig.builder()
                .set(RouterAppKeys.API_TOKEN, "writer")
                .set(RouterAppKeys.API_READ_TOKEN, "reader")
                .set(RouterAppKeys.API_READS_NEED_TOKEN, true)
                .build();

        assertThat(config.access().tokens()).containsExactlyInAnyOrder(
                new ApiToken("write token", ApiScope.WRITE, "writer"), new ApiToken("read token", ApiScope.READ, "reader"));
        assertThat(config.access().requireTokenForReads()).isTrue();
    }

    @Test
    void shouldNamePeopleOnTheMetricsOnlyWhenSwitchedOn() {
        RouterAppConfig config = RouterAppConfig.builder().env(Map.of("SLO_PIPELINE_ROUTER_METRICS_PERSON_LABELS", "true"))
                .build();

        assertThat(config.personLabels()).isTrue();
        assertThat(config.describe()).contains("router.metrics.person.labels = true");
    }

    @Test
    void shouldReadNamedTokensFromTheTokensFileBesideTheTwoKeys() throws IOException {
        Path tokens = Files.writeString(dir.resolve("api-tokens"), """
                # name    scope  token
                ci-bot    write  ci-secret-4f1a

                grafana   READ   grafana-secret-77c2
                """);

        RouterAppConfig config = RouterAppConfig.builder()
                .set(RouterAppKeys.API_TOKEN, "writer")
                .set(RouterAppKeys.API_TOKENS_FILE, tokens)
                .build();

        assertThat(config.access().tokens()).containsExactly(new ApiToken("write token", ApiScope.WRITE, "writer"),
                new ApiToken("ci-bot", ApiScope.WRITE, "ci-secret-4f1a"),
                new ApiToken("grafana", ApiScope.READ, "grafana-secret-77c2"));
        assertThat(config.describe()).contains("router.api.tokens.file = (tokens ci-bot, grafana)");
        assertThat(config.toString()).doesNotContain("ci-secret-4f1a", "grafana-secret-77c2");
    }

    @Test
    void shouldNameTheLineOfEachMistakeInTheTokensFileButNeverItsToken() throws IOException {
        Path tokens = Files.writeString(dir.resolve("api-tokens"), """
                ci-bot write ci-secret-4f1a
                grafana admin grafana-secret-77c2
                ci-bot read other-secret-0b9e
                pager write
                deploy write ci-secret-4f1a
                """);

        assertThatThrownBy(() -> RouterAppConfig.builder().set(RouterAppKeys.API_TOKENS_FILE, tokens).build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(tokens + ":2: the scope of grafana must be read or write, got \"admin\"")
                .hasMessageContaining(tokens + ":3: the name ci-bot is taken by an earlier line")
                .hasMessageContaining(tokens + ":4: expected three fields, name scope token")
                .hasMessageContaining(tokens + ":5: the token of deploy is the same as an earlier line's")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void shouldRefuseATokensFileThatCannotBeRead() {
        Path missing = dir.resolve("no-such-file");

        assertThatThrownBy(() -> RouterAppConfig.builder().set(RouterAppKeys.API_TOKENS_FILE, missing).build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("router.api.tokens.file (set(\"router.api.tokens.file\")) cannot be read");
    }

    @Test
    void shouldMaskTheTokensWhenPrinted() {
        RouterAppConfig config = RouterAppConfig.builder()
                .set(RouterAppKeys.API_TOKEN, "letmein")
                .kafka("ssl.truststore.password", "hunter2")
                .build();

        assertThat(config.describe()).contains("router.api.token = ******", "router.api.read.token = (none)",
                "kafka.ssl.truststore.password = ******", "router.config = (none: alerts are grouped but sent nowhere)",
                "router.deliveries.retention = 4w2d", "router.api.reads.need.token = false",
                "router.api.tokens.file = (none)");
        assertThat(config.toString()).doesNotContain("letmein", "hunter2");
    }

    @Test
    void shouldReportEveryMistakeWithWhereItWasMade() throws IOException {
        Path file = Files.writeString(dir.resolve("router.properties"), """
                router.htp.port=9000
                router.external.url=slo-router.example.com
                router.topics.groups=router.pages
                """);

        assertThatThrownBy(() -> RouterAppConfig.builder().file(file)
                .env(Map.of("SLO_PIPELINE_ROUTER_PARTITIONS", "none", "SLO_PIPELINE_ROUTER_API_READ_TOKEN", ""))
                .set(RouterAppKeys.TOPIC_DELIVERIES, "router.notifications")
                .build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid router configuration:")
                .hasMessageContaining("router.htp.port (file " + file + ") is not a setting; known: bootstrap.servers, router.config, ")
                .hasMessageContaining("Did you mean router.http.port?")
                .hasMessageContaining("router.external.url (file " + file + ") must be an http(s) URL")
                .hasMessageContaining("router.partitions (environment SLO_PIPELINE_ROUTER_PARTITIONS) must be a whole number from 1 to 10000, got \"none\"")
                .hasMessageContaining("the router's 11 topics must have different names")
                .hasMessageContaining("router.topics.deliveries (set(\"router.topics.deliveries\")) intents and outcomes need two different topics");
    }

    @Test
    void shouldKeepOneStaticMemberIdPerStateDirForRoutingAndDeliveryUnlessRouterInstanceIdIsSet() {
        RouterAppConfig first = RouterAppConfig.builder().set(RouterAppKeys.STATE_DIR, dir.resolve("router-1")).build();
        RouterAppConfig restarted = RouterAppConfig.builder().set(RouterAppKeys.STATE_DIR, dir.resolve("router-1")).build();
        RouterAppConfig second = RouterAppConfig.builder().set(RouterAppKeys.STATE_DIR, dir.resolve("router-2")).build();
        RouterAppConfig named = RouterAppConfig.builder().env(Map.of("SLO_PIPELINE_ROUTER_INSTANCE_ID", "router-east-1"))
                .build();

        assertThat(restarted.instanceId()).as("a restart of the same router").isEqualTo(first.instanceId());
        assertThat(second.instanceId()).as("another router on this host").isNotEqualTo(first.instanceId());
        assertThat(first.delivery().groupInstanceId()).as("the delivery group's member").contains(first.instanceId());
        assertThat(named.instanceId()).isEqualTo("router-east-1");
        assertThat(named.delivery().groupInstanceId()).contains("router-east-1");
        assertThatThrownBy(() -> RouterAppConfig.builder().kafka("group.instance.id", "shared").build())
                .hasMessageContaining("kafka.group.instance.id (set(\"kafka.group.instance.id\")) is set by the app;"
                        + " use router.instance.id");
    }

    @Test
    void shouldNameEachSettingsEnvironmentVariable() {
        assertThat(RouterAppKeys.HTTP_PORT.envName()).isEqualTo("SLO_PIPELINE_ROUTER_HTTP_PORT");
        assertThat(RouterAppKeys.TOPIC_INCIDENT_COMMANDS.envName()).isEqualTo("SLO_PIPELINE_ROUTER_TOPICS_INCIDENT_COMMANDS");
        assertThat(RouterAppKeys.BOOTSTRAP_SERVERS.envName()).isEqualTo("SLO_PIPELINE_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldNeedBrokersOnlyToStart() {
        RouterAppConfig config = RouterAppConfig.builder().build();

        assertThatThrownBy(config::clientProperties).hasMessageContaining("bootstrap.servers");
        assertThat(config.withBootstrapServers("localhost:9092").clientProperties())
                .containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(config.bootstrapServers()).isEqualTo(Optional.empty());
    }
}
