package dev.slopipeline.faults.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.faults.Await;
import dev.slopipeline.faults.OwnTopics;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.testkafka.SharedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router's HTTP API as an attacker meets it: writes without a token, with a wrong one or a read-only one
 * are refused, and so are reads without a token; bodies and silences beyond the limits are refused; and no token or
 * signing secret ever reaches the log, not even a wrong token someone tried.
 */
@Tag("integration")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouterApiSecurityTest {

    private static final String WRITE_TOKEN = "write-token-7f3a9c21e4";
    private static final String READ_TOKEN = "read-token-5b8d0e6f12";
    private static final String WRONG_TOKEN = "guessed-token-0c4e2a9b77";
    private static final String SIGNING_SECRET = "signing-secret-d41d8cd98f";

    @RegisterExtension
    static final SharedKafka kafka = new SharedKafka();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void shouldRefuseUnauthorisedAndOversizedWritesAndNeverLogASecret() throws Exception {
        Path secret = Files.writeString(dir.resolve("hook.hmac"), SIGNING_SECRET);
        Path config = Files.writeString(dir.resolve("router.yml"), """
                route: {receiver: pager, group_by: [slo]}
                receivers:
                - name: pager
                  webhook_configs: [{url: 'http://127.0.0.1:9/hook', slo_signing_secret_file: '%s'}]
                """.formatted(secret));
        try (CapturedLog log = new CapturedLog();
             RouterApp router = RouterApp.start(OwnTopics.named("api-security").router(RouterAppConfig.builder())
                     .bootstrapServers(kafka.bootstrapServers())
                     .set(RouterAppKeys.CONFIG, config)
                     .set(RouterAppKeys.STATE_DIR, dir.resolve("state"))
                     .set(RouterAppKeys.PARTITIONS, 1)
                     .set(RouterAppKeys.HTTP_PORT, 0)
                     .set(RouterAppKeys.API_TOKEN, WRITE_TOKEN)
                     .set(RouterAppKeys.API_READ_TOKEN, READ_TOKEN).build())) {
            port = router.httpPort();
            Await.until("the router ready", Duration.ofSeconds(60), () -> send("GET", "/readyz", null, null).statusCode() == 200);
            String silence = silence("slo=\\\"checkout-availability\\\"", "maintenance");

            assertThat(send("POST", "/api/v1/silences", null, silence).statusCode()).as("no token").isEqualTo(401);
            assertThat(send("POST", "/api/v1/silences", WRONG_TOKEN, silence).statusCode()).as("wrong token").isEqualTo(401);
            assertThat(send("POST", "/api/v1/silences", READ_TOKEN, silence).statusCode()).as("read token").isEqualTo(403);
            assertThat(send("POST", "/-/reload", null, "").statusCode()).as("reload without a token").isEqualTo(401);
            assertThat(send("POST", "/-/reload", READ_TOKEN, "").statusCode()).as("reload with a read token").isEqualTo(403);
            HttpResponse<String> created = send("POST", "/api/v1/silences", WRITE_TOKEN, silence);
            assertThat(created.statusCode()).as("write token").isEqualTo(202);
            String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            assertThat(send("DELETE", "/api/v1/silences/" + id, READ_TOKEN, null).statusCode()).as("expire, read token").isEqualTo(403);
            assertThat(send("DELETE", "/api/v1/silences/" + id, WRONG_TOKEN, null).statusCode()).as("expire, wrong token").isEqualTo(401);
            assertThat(send("GET", "/api/v1/silences", null, null).statusCode()).as("a read without a token").isEqualTo(401);
            assertThat(send("GET", "/api/v1/oncall", WRONG_TOKEN, null).statusCode()).as("a read, wrong token").isEqualTo(401);
            assertThat(send("GET", "/api/v1/silences", READ_TOKEN, null).statusCode()).as("a read token reads").isEqualTo(200);
            assertThat(send("GET", "/metrics", null, null).statusCode()).as("metrics stay open").isEqualTo(200);

            String huge = silence("slo=\\\"checkout-availability\\\"", "x".repeat(70 * 1024));
            assertThat(send("POST", "/api/v1/silences", WRITE_TOKEN, huge).statusCode()).as("a 70 KiB body").isEqualTo(413);
            String manyMatchers = IntStream.range(0, 33).mapToObj(i -> "l" + i + "=\\\"v\\\"").collect(Collectors.joining("\",\""));
            HttpResponse<String> tooMany = send("POST", "/api/v1/silences", WRITE_TOKEN, silence(manyMatchers, "many"));
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).contains("it has 33 matchers; at most 32 are allowed");
            HttpResponse<String> longValue = send("POST", "/api/v1/silences", WRITE_TOKEN,
                    silence("slo=\\\"" + "v".repeat(2000) + "\\\"", "long"));
            assertThat(longValue.statusCode()).isEqualTo(400);
            assertThat(longValue.body()).contains("longer than 1024 characters");

            assertThat(log.text()).as("the log, captured").contains("INFO")
                    .doesNotContain(WRITE_TOKEN, READ_TOKEN, WRONG_TOKEN, SIGNING_SECRET);
        }
    }

    private static String silence(String matchers, String comment) {
        return "{\"matchers\":[\"" + matchers + "\"],\"endsAt\":\"" + Instant.now().plus(1, ChronoUnit.HOURS)
                + "\",\"createdBy\":\"alice\",\"comment\":\"" + comment + "\"}";
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
