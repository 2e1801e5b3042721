package dev.slopipeline.router.delivery;

import static dev.slopipeline.router.delivery.DeliveryHarness.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.delivery.pagerduty.PagerDutyChannel;
import dev.slopipeline.router.delivery.slack.SlackChannel;
import dev.slopipeline.router.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials (routing keys, HMAC keys, Slack webhook paths) must not leak into logs, outcomes or snapshots, not even
 * when a receiver quotes them back in its error reply; a failure log names the receiver and its masked URL.
 */
class SecretsStayHiddenTest {

    private static final String ROUTING_KEY = "pdRoutingKey0123456789abcdefABCD";
    private static final String HMAC_KEY = "hmacKey-9f8e7d6c5b4a";
    private static final String SLACK_TOKEN = "slackTokenXXXXXXXXXXXXXX";

    private final DeliveryHarness harness = new DeliveryHarness();

    @TempDir
    Path dir;

    @Test
    void shouldKeepEverySecretOutOfLogsOutcomesAndPendingState() throws Exception {
        Path routingKeyFile = Files.writeString(dir.resolve("pd-routing-key"), ROUTING_KEY);
        Secret hmacKey = new Secret.EnvironmentVariable("HOOK_HMAC", Map.of("HOOK_HMAC", HMAC_KEY)::get);
        JsonPoster poster = new JsonPoster(JsonPoster.defaultClient(), harness.clock);

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        try (LocalReceiver pagerDuty = LocalReceiver.answering(Reply.status(400,
                "{\"status\":\"invalid event\",\"routing_key\":\"" + ROUTING_KEY + "\"}"));
             LocalReceiver slackApi = LocalReceiver.answering(Reply.status(404,
                     "no_service: /services/T000/B000/" + SLACK_TOKEN));
             LocalReceiver hook = LocalReceiver.answering(503);
             PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            Receiver pd = new Receiver("pd-shop", new PagerDutyChannel(poster),
                    Target.of(pagerDuty.base()).withSecret(Secret.fromFile(routingKeyFile)), "slack-shop");
            URI slackUrl = slackApi.url("/services/T000/B000/" + SLACK_TOKEN);
            Receiver slack = new Receiver("slack-shop", new SlackChannel(poster), Target.of(slackUrl), null);
            Receiver webhook = new Receiver("hook-shop", harness.webhook,
                    Target.of(hook.url("/hook")).withSecret(hmacKey), null);
            Dispatcher dispatcher = harness.dispatcher(POLICY, pd, slack, webhook);
            System.setErr(capture);
            try {
                dispatcher.submit(Samples.group("intent-pd", "pd-shop", Samples.firing("x").alerts(), null));
                dispatcher.submit(Samples.group("intent-hook", "hook-shop", Samples.firing("x").alerts(), null));
                harness.settle(dispatcher, 4);
            } finally {
                System.setErr(originalErr);
            }

            assertThat(pagerDuty.onlyRequest().bodyText()).as("the key did reach PagerDuty").contains(ROUTING_KEY);
            String everythingPrinted = captured.toString(StandardCharsets.UTF_8) + harness.outcomes
                    + dispatcher.pending() + List.of(pd, slack, webhook);
            assertThat(captured.toString(StandardCharsets.UTF_8))
                    .as("the capture saw the dispatcher's log lines")
                    .contains("attempt 1 to deliver intent-pd via pd-shop (" + pagerDuty.base() + ") failed: HTTP 400")
                    .contains("via slack-shop (" + slackApi.base() + "/<secret>) after 2 attempt(s): HTTP 404:"
                            + " no_service: <secret>");
            assertThat(slackApi.onlyRequest().path()).as("the token did reach Slack").endsWith(SLACK_TOKEN);
            assertThat(everythingPrinted)
                    .doesNotContain(ROUTING_KEY)
                    .doesNotContain(HMAC_KEY)
                    .doesNotContain(SLACK_TOKEN);
        }
    }
}
