package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.delivery.WebhookConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload reads the secret files again, and neither {@code GET /api/v1/status/config} nor the reload's log quotes a
 * credential of a refused config.
 */
class ConfigStatusSecretsTest {

    private static final String SLACK_TOKEN = "slackTokenQRSTUVWXYZ";
    private static final String GOOD = """
            route: {receiver: hook}
            receivers: [{name: hook, webhook_configs: [{url_file: hook-url}]}]
            """;

    @TempDir
    Path dir;

    private final AtomicReference<RouterConfig> applied = new AtomicReference<>();

    private ConfigReloader reloader(Path file) {
        return new ConfigReloader(file, applied::set, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @Test
    void shouldReadTheSecretFilesAgainOnEveryReload() throws Exception {
        Path urlFile = Files.writeString(dir.resolve("hook-url"), "https://hooks.example.com/alerts/first\n");
        Path file = Files.writeString(dir.resolve("router.yml"), GOOD);
        try (ConfigReloader reloader = reloader(file)) {
            Files.writeString(urlFile, "https://hooks.example.com/alerts/rotated\n");

            assertThat(reloader.reload().successful()).isTrue();

            assertThat(((WebhookConfig) applied.get().receiver("hook").orElseThrow().channels().get(0)).url())
                    .isEqualTo(URI.create("https://hooks.example.com/alerts/rotated"));
        }
    }

    @Test
    void shouldShowAndLogARefusedConfigWithoutItsCredentials() throws Exception {
        Files.writeString(dir.resolve("hook-url"), "https://hooks.example.com/alerts/first\n");
        Path file = Files.writeString(dir.resolve("router.yml"), GOOD);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        try (ConfigReloader reloader = reloader(file);
             PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            Files.writeString(file, """
                    route: {receiver: slack}
                    receivers:
                    - {name: slack, slack_configs: [{api_url: 'ftp://hooks.slack.com/services/T0/B0/%s'}]}
                    - {name: pager, pagerduty_configs: [{routing_key_file: missing-key}]}
                    """.formatted(SLACK_TOKEN));
            System.setErr(capture);
            try {
                reloader.reload();
            } finally {
                System.setErr(originalErr);
            }

            Reply status = new ConfigEndpoints(Optional.of(reloader))
                    .status(Request.builder("GET", ConfigEndpoints.STATUS_PATH).build());
            String reply = new String(status.body(), StandardCharsets.UTF_8);

            assertThat(reply).contains("\"successful\":false", "ftp://hooks.slack.com/<secret>",
                    "cannot read secret file " + dir.resolve("missing-key"));
            assertThat(log.toString(StandardCharsets.UTF_8)).as("the reload logged its problems")
                    .contains("config reload refused", "ftp://hooks.slack.com/<secret>");
            assertThat(reply + log.toString(StandardCharsets.UTF_8)).doesNotContain(SLACK_TOKEN);
        }
    }
}
