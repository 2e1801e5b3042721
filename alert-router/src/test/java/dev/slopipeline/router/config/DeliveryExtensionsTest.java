package dev.slopipeline.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.router.delivery.PagerdutyConfig;
import dev.slopipeline.router.delivery.ReceiverConfig;
import dev.slopipeline.router.delivery.RetryPolicy;
import dev.slopipeline.router.delivery.WebhookConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** slo-pipeline's additions to Alertmanager's format: fallbacks, secrets kept out of the config, the retry policy. */
class DeliveryExtensionsTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadFallbacksSecretSourcesAndTheRetryPolicy() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/hmac"), "hmac-key\n");
        Path pdKey = Files.writeString(dir.resolve("pd"), "0123456789abcdef\n");
        Path onCall = Files.writeString(dir.resolve("oncall.yml"), """
                delivery:
                  retry_initial_backoff: 500ms
                  retry_max_backoff: 1m
                  attempts_before_failover: 4
                """);
        Path file = Files.writeString(dir.resolve("router.yml"), """
                route: {receiver: primary}
                receivers:
                - name: primary
                  fallback: backup
                  webhook_configs:
                  - {url: 'https://hooks.example/a', slo_signing_secret_file: secrets/hmac}
                  - {url: 'https://hooks.example/b', slo_signing_secret_env: HOOK_HMAC}
                - name: backup
                  pagerduty_configs: [{routing_key_file: '%s'}]
                """.formatted(pdKey));

        LoadedConfig loaded = RouterConfigLoader.load(file, Optional.of(onCall));

        assertThat(loaded.problems()).isEmpty();
        RouterConfig config = loaded.orElseThrow();
        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(Duration.ofMillis(500), Duration.ofMinutes(1), 4));
        ReceiverConfig primary = config.receiver("primary").orElseThrow();
        assertThat(primary.fallback()).contains("backup");
        assertThat(primary.channels()).extracting(c -> ((WebhookConfig) c).signingSecret().orElseThrow().toString())
                .containsExactly("file:" + dir.resolve("secrets/hmac"), "env:HOOK_HMAC");
        ReceiverConfig backup = config.receiver("backup").orElseThrow();
        assertThat(backup.fallback()).isEmpty();
        assertThat(((PagerdutyConfig) backup.channels().get(0)).routingKey()).hasToString("file:" + pdKey);
    }

    @Test
    void shouldKeepDefaultsWhenNothingIsWritten() {
        RouterConfig config = RouterConfigLoader.parse("am.yml", """
                route: {receiver: a}
                receivers: [{name: a, webhook_configs: [{url: 'https://hooks.example/a'}]}]
                """).orElseThrow();

        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(config.receiver("a").orElseThrow().fallback()).isEmpty();
        assertThat(((WebhookConfig) config.receiver("a").orElseThrow().channels().get(0)).signingSecret())
                .isEqualTo(Optional.empty());
    }

    static Stream<Arguments> brokenExtensions() {
        return Stream.of(
                broken("unknown fallback", """
                        route: {receiver: a}
                        receivers:
                        - {name: a, fallback: bakup, webhook_configs: [{url: 'https://h.example'}]}
                        - {name: backup, webhook_configs: [{url: 'https://h.example'}]}
                        """,
                        "am.yml:3:23: receiver \"a\" falls back to \"bakup\", which is not a receiver; did you mean"
                                + " \"backup\"?"),
                broken("fallback to itself", """
                        route: {receiver: a}
                        receivers: [{name: a, fallback: a}]
                        """,
                        "am.yml:2:33: receiver \"a\" names itself as its fallback; name another receiver that takes over"
                                + " when this one keeps failing"),
                broken("fallback with two channels", """
                        route: {receiver: a}
                        receivers:
                        - {name: a, fallback: b}
                        - name: b
                          webhook_configs: [{url: 'https://h.example/1'}, {url: 'https://h.example/2'}]
                        """,
                        "am.yml:3:23: receiver \"a\" falls back to \"b\", which has 2 channels; a fallback receiver needs"
                                + " exactly one, because each failing channel hands its notification to exactly one other"),
                broken("fallback cycle", """
                        route: {receiver: a}
                        receivers:
                        - {name: a, fallback: b, webhook_configs: [{url: 'https://h.example/a'}]}
                        - {name: b, fallback: a, webhook_configs: [{url: 'https://h.example/b'}]}
                        """,
                        "am.yml:3:23: receivers a → b → a form a fallback cycle; a chain of fallbacks must end at a"
                                + " receiver without one"),
                broken("signing secret from a file and the environment", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          webhook_configs:
                          - {url: 'https://h.example', slo_signing_secret_file: k, slo_signing_secret_env: K}
                        """,
                        "am.yml:5:60: webhook_configs[0] of receiver \"a\" has both \"slo_signing_secret_file\" and"
                                + " \"slo_signing_secret_env\"; keep one"),
                broken("routing key inline and from a file", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          pagerduty_configs: [{routing_key: abc, routing_key_file: /k}]
                        """,
                        "am.yml:4:42: pagerduty_configs[0] of receiver \"a\" has both \"routing_key\" and"
                                + " \"routing_key_file\"; keep one (the file keeps the key out of the config)"),
                broken("empty routing key", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          pagerduty_configs: [{routing_key: ''}]
                        """,
                        "am.yml:4:24: \"routing_key\" in pagerduty_configs[0] of receiver \"a\" is empty"),
                broken("no attempts before failover", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        delivery: {attempts_before_failover: 0}
                        """,
                        "am.yml:3:38: \"attempts_before_failover\" in delivery must be a positive number of attempts,"
                                + " got 0"),
                broken("backoff cap below its start", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        delivery: {retry_initial_backoff: 10m}
                        """,
                        "am.yml:3:11: \"retry_max_backoff\" in delivery (5m unless written) must be at least"
                                + " \"retry_initial_backoff\": it caps the doubling waits"),
                broken("misspelt delivery field", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        delivery: {retry_max_backof: 1m}
                        """,
                        "am.yml:3:12: unknown field \"retry_max_backof\" in delivery; did you mean \"retry_max_backoff\"?"));
    }

    private static Arguments broken(String rule, String yaml, String... problems) {
        return Arguments.of(rule, yaml, List.of(problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExtensions")
    void shouldReportEachBrokenExtensionWhereItIsBroken(String rule, String yaml, List<String> expected) {
        LoadedConfig loaded = RouterConfigLoader.parse("am.yml", yaml);

        assertThat(loaded.config()).isEmpty();
        // the combined form's deprecation warning is OnCallFileTest's
        assertThat(loaded.problems()).filteredOn(Problem::isError).map(Problem::toString)
                .containsExactlyElementsOf(expected);
    }
}
