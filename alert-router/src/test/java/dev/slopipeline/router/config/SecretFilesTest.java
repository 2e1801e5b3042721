package dev.slopipeline.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.yaml.Problem;
import dev.slopipeline.router.delivery.PagerdutyConfig;
import dev.slopipeline.router.delivery.SlackConfig;
import dev.slopipeline.router.delivery.WebhookConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every credential of a receiver can live in a file, as Alertmanager's {@code *_file} fields allow: read when the config
 * loads (each load reads it again), trimmed, and refused at its field when it is missing, unreadable or doubled.
 */
class SecretFilesTest {

    private static final String HOOK_URL = "https://hooks.example.com/alerts/3f9c2e7a";
    private static final String SLACK_URL = "https://hooks.slack.com/services/T0/B0/own-slack-token";
    private static final String GLOBAL_SLACK_URL = "https://hooks.slack.com/services/T0/B0/global-slack-token";
    private static final String ROUTING_KEY = "pd-routing-key-0123456789abcdef";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private LoadedConfig load(String yaml) throws IOException {
        return RouterConfigLoader.load(write("router.yml", yaml));
    }

    private static String problems(LoadedConfig loaded) {
        return String.join("\n", loaded.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void shouldReadEveryCredentialFromItsFileWithoutTheTrailingNewline() throws IOException {
        write("hook-url", HOOK_URL + "\n");
        write("slack-url", SLACK_URL + "\n");
        write("global-slack-url", GLOBAL_SLACK_URL + "\n");
        Path routingKey = write("pd-key", ROUTING_KEY + "\n");

        LoadedConfig loaded = load("""
                global: {slack_api_url_file: global-slack-url}
                route: {receiver: hook}
                receivers:
                - {name: hook, webhook_configs: [{url_file: hook-url}]}
                - {name: own-slack, slack_configs: [{api_url_file: slack-url}]}
                - {name: global-slack, slack_configs: [{channel: '#ops'}]}
                - {name: pager, pagerduty_configs: [{routing_key_file: '%s'}]}
                """.formatted(routingKey));

        assertThat(loaded.problems()).isEmpty();
        RouterConfig config = loaded.orElseThrow();
        assertThat(((WebhookConfig) config.receiver("hook").orElseThrow().channels().get(0)).url())
                .isEqualTo(URI.create(HOOK_URL));
        assertThat(((SlackConfig) config.receiver("own-slack").orElseThrow().channels().get(0)).apiUrl())
                .isEqualTo(URI.create(SLACK_URL));
        assertThat(((SlackConfig) config.receiver("global-slack").orElseThrow().channels().get(0)).apiUrl())
                .isEqualTo(URI.create(GLOBAL_SLACK_URL));
        assertThat(((PagerdutyConfig) config.receiver("pager").orElseThrow().channels().get(0)).routingKey().reveal())
                .isEqualTo(ROUTING_KEY);
    }

    @Test
    void shouldReadTheFileAgainOnEveryLoad() throws IOException {
        Path urlFile = write("hook-url", HOOK_URL);
        String yaml = """
                route: {receiver: hook}
                receivers: [{name: hook, webhook_configs: [{url_file: hook-url}]}]
                """;
        URI before = ((WebhookConfig) load(yaml).orElseThrow().receiver("hook").orElseThrow().channels().get(0)).url();

        Files.writeString(urlFile, "https://hooks.example.com/alerts/rotated\n");
        URI after = ((WebhookConfig) load(yaml).orElseThrow().receiver("hook").orElseThrow().channels().get(0)).url();

        assertThat(before).isEqualTo(URI.create(HOOK_URL));
        assertThat(after).isEqualTo(URI.create("https://hooks.example.com/alerts/rotated"));
    }

    static Stream<Arguments> valueAndFile() {
        return Stream.of(
                Arguments.of("webhook url", """
                        route: {receiver: a}
                        receivers: [{name: a, webhook_configs: [{url: 'https://h.example/x', url_file: f}]}]
                        """, "router.yml:2:70: webhook_configs[0] of receiver \"a\" has both \"url\" and \"url_file\";"
                        + " keep one (the file keeps the URL out of the config)"),
                Arguments.of("slack api_url", """
                        route: {receiver: a}
                        receivers: [{name: a, slack_configs: [{api_url: 'https://h.example/x', api_url_file: f}]}]
                        """, "router.yml:2:72: slack_configs[0] of receiver \"a\" has both \"api_url\" and"
                        + " \"api_url_file\"; keep one (the file keeps the URL out of the config)"),
                Arguments.of("global slack_api_url", """
                        global: {slack_api_url: 'https://h.example/x', slack_api_url_file: f}
                        route: {receiver: a}
                        receivers: [{name: a}]
                        """, "router.yml:1:48: global has both \"slack_api_url\" and \"slack_api_url_file\"; keep one"
                        + " (the file keeps the URL out of the config)"),
                Arguments.of("pagerduty routing_key", """
                        route: {receiver: a}
                        receivers: [{name: a, pagerduty_configs: [{routing_key: abc, routing_key_file: f}]}]
                        """, "router.yml:2:62: pagerduty_configs[0] of receiver \"a\" has both \"routing_key\" and"
                        + " \"routing_key_file\"; keep one (the file keeps the key out of the config)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueAndFile")
    void shouldRefuseAValueAndItsFileTogetherAsAlertmanagerDoes(String field, String yaml, String expected)
            throws IOException {
        write("f", "https://h.example/from-file");

        LoadedConfig loaded = load(yaml);

        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).map(Problem::toString)
                .containsExactly(expected.replace("router.yml", dir.resolve("router.yml").toString()));
    }

    @Test
    void shouldNameTheFieldAndPathOfAMissingEmptyOrUnreadableFileButNeverItsContent() throws IOException {
        write("empty", "\n");
        Files.createDirectory(dir.resolve("a-folder"));
        write("not-a-url", "hooks.slack.com/services/T0/B0/content-token");

        LoadedConfig loaded = load("""
                route: {receiver: a}
                receivers:
                - name: a
                  webhook_configs: [{url_file: missing}, {url_file: not-a-url}]
                  pagerduty_configs: [{routing_key_file: empty}, {routing_key_file: a-folder}]
                """);

        String file = dir.resolve("router.yml").toString();
        assertThat(loaded.config()).isEmpty();
        assertThat(problems(loaded)).isEqualTo(String.join("\n",
                file + ":4:32: \"url_file\" in webhook_configs[0] of receiver \"a\": cannot read secret file "
                        + dir.resolve("missing") + " (NoSuchFileException)",
                file + ":4:53: \"url_file\" in webhook_configs[1] of receiver \"a\": " + dir.resolve("not-a-url")
                        + " must hold an http or https URL with a host, e.g. https://hooks.example.com/alerts,"
                        + " got \"<secret>\"",
                file + ":5:42: \"routing_key_file\" in pagerduty_configs[0] of receiver \"a\": secret file "
                        + dir.resolve("empty") + " is empty",
                file + ":5:69: \"routing_key_file\" in pagerduty_configs[1] of receiver \"a\": cannot read secret"
                        + " file " + dir.resolve("a-folder") + " (IOException)"));
        assertThat(problems(loaded)).doesNotContain("content-token");
    }

    @Test
    void shouldRequireTheUrlOrItsFile() throws IOException {
        LoadedConfig loaded = load("""
                route: {receiver: a}
                receivers: [{name: a, webhook_configs: [{send_resolved: true}]}]
                """);

        assertThat(loaded.problems()).map(Problem::message).containsExactly(
                "webhook_configs[0] of receiver \"a\" is missing the required field \"url\" (or \"url_file\")");
    }

    @Test
    void shouldListOnlyWhereSecretsComeFromWhenTheConfigIsPrinted() throws IOException {
        write("pd-key", ROUTING_KEY);
        RouterConfig config = load("""
                global: {slack_api_url: '%s'}
                route: {receiver: hook}
                receivers:
                - {name: hook, webhook_configs: [{url: '%s'}]}
                - {name: slack, slack_configs: [{channel: '#ops'}]}
                - {name: pager, pagerduty_configs: [{routing_key: inline-routing-key}, {routing_key_file: pd-key}]}
                heartbeat: {ping_url: 'https://hc-ping.example/ping-check-uuid'}
                """.formatted(GLOBAL_SLACK_URL, HOOK_URL)).orElseThrow();

        assertThat(config.toString())
                .contains("https://hooks.example.com/<secret>", "https://hooks.slack.com/<secret>",
                        "https://hc-ping.example/<secret>")
                .doesNotContain("3f9c2e7a", "global-slack-token", "inline-routing-key", ROUTING_KEY, "ping-check-uuid");
    }

    @Test
    void shouldMaskAWrongSecretUrlInItsMessage() throws IOException {
        LoadedConfig loaded = load("""
                global: {slack_api_url: 'ftp://hooks.slack.com/services/T0/B0/global-slack-token'}
                route: {receiver: a}
                receivers: [{name: a, webhook_configs: [{url: 'hooks.example.com/alerts/3f9c2e7a'}]}]
                heartbeat: {ping_url: 'http://hc-ping.example/ping check uuid'}
                """);

        assertThat(loaded.problems()).filteredOn(Problem::isError).map(Problem::message).containsExactly(
                "\"slack_api_url\" in global must be an http or https URL with a host, e.g."
                        + " https://hooks.example.com/alerts, got \"ftp://hooks.slack.com/<secret>\"",
                "\"url\" in webhook_configs[0] of receiver \"a\" must be an http or https URL with a host, e.g."
                        + " https://hooks.example.com/alerts, got \"<secret>\"",
                "\"ping_url\" in \"heartbeat\" must be an http or https URL with a host, e.g."
                        + " https://hooks.example.com/alerts, got \"<secret>\"");
    }
}
