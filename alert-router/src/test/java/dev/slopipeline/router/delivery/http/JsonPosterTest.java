package dev.slopipeline.router.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.DeliveryResult;
import dev.slopipeline.router.delivery.LocalReceiver;
import dev.slopipeline.router.delivery.LocalReceiver.Reply;
import dev.slopipeline.router.delivery.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPosterTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    /** Generous: a receiver that answers must never be taken for a hanging one on a loaded build machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** For the receiver that never answers, so that the test waits no longer than it must. */
    private static final Duration HANG_TIMEOUT = Duration.ofMillis(300);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:05:00Z"));
    private final JsonPoster poster = new JsonPoster(JsonPoster.defaultClient(), clock);

    private DeliveryResult post(LocalReceiver receiver) {
        return poster.post(receiver.url("/x"), BODY, "k-1", Map.of("X-Extra", "yes"), TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 204})
    void shouldAcceptAny2xx(int status) {
        try (LocalReceiver receiver = LocalReceiver.answering(status)) {
            assertThat(post(receiver)).isEqualTo(new DeliveryResult.Accepted(status));
            assertThat(receiver.onlyRequest().header("X-Extra")).isEqualTo("yes");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void shouldCallTimeoutsThrottlingAndServerErrorsTransient(int status) {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.status(status, "busy"))) {
            assertThat(post(receiver)).isEqualTo(new DeliveryResult.TransientFailure("HTTP " + status + ": busy"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 403, 404, 410, 413, 422})
    void shouldCallOtherClientErrorsAndRedirectsPermanent(int status) {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.status(status, "{\"error\": \"nope\"}"))) {
            assertThat(post(receiver)).isEqualTo(
                    new DeliveryResult.PermanentFailure("HTTP " + status + ": {\"error\": \"nope\"}"));
        }
    }

    @Test
    void shouldReadRetryAfterInSeconds() {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.withHeader(429, "Retry-After", "12"))) {
            assertThat(post(receiver)).isEqualTo(
                    new DeliveryResult.TransientFailure("HTTP 429", Optional.of(Duration.ofSeconds(12))));
        }
    }

    @Test
    void shouldReadRetryAfterAsAnHttpDate() {
        try (LocalReceiver receiver = LocalReceiver.answering(
                Reply.withHeader(503, "Retry-After", "Mon, 23 Nov 2026 10:06:30 GMT"))) {
            assertThat(post(receiver)).isEqualTo(
                    new DeliveryResult.TransientFailure("HTTP 503", Optional.of(Duration.ofSeconds(90))));
        }
    }

    @Test
    void shouldIgnoreAnUnreadableRetryAfter() {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.withHeader(429, "Retry-After", "soon"))) {
            assertThat(post(receiver)).isEqualTo(new DeliveryResult.TransientFailure("HTTP 429"));
        }
    }

    @Test
    void shouldCallAHangingReceiverATransientTimeout() {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.hanging())) {
            long started = System.nanoTime();

            DeliveryResult result = poster.post(receiver.url("/x"), BODY, "k-1", Map.of(), HANG_TIMEOUT);

            assertThat(result).isEqualTo(new DeliveryResult.TransientFailure("no answer within PT0.3S"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldCallARefusedConnectionTransient() {
        DeliveryResult result = poster.post(URI.create("http://127.0.0.1:" + LocalReceiver.unusedPort() + "/x"),
                BODY, "k-1", Map.of(), TIMEOUT);

        assertThat(result).isInstanceOf(DeliveryResult.TransientFailure.class);
        assertThat(((DeliveryResult.TransientFailure) result).error()).startsWith("cannot connect");
    }

    @Test
    void shouldKeepOnlyTheStartOfALongErrorBody() {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.status(400, "x".repeat(5000)))) {
            String error = ((DeliveryResult.PermanentFailure) post(receiver)).error();

            assertThat(error).hasSizeLessThan(250).endsWith("…");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 500})
    void shouldReadAHugeReplyOnlyUpToTheLimitAndCloseTheConnection(int status) throws InterruptedException {
        try (HugeReplyReceiver receiver = new HugeReplyReceiver(status)) {
            DeliveryResult result = poster.post(receiver.url("/x"), BODY, "k-1", Map.of(), Duration.ofSeconds(30));
            receiver.awaitAnswered(Duration.ofSeconds(30));

            if (status == 200) {
                assertThat(result).isEqualTo(new DeliveryResult.Accepted(200));
            } else {
                assertThat(((DeliveryResult.TransientFailure) result).error()).startsWith("HTTP 500: xxxx").endsWith("…");
            }
            assertThat(receiver.cutOff()).as("the router closed the connection before the whole body").isTrue();
            assertThat(receiver.written()).isLessThan(HugeReplyReceiver.BODY_BYTES);
        }
    }

    @Test
    void shouldMaskTheUrlsPathAndQueryWhenTheReplyQuotesThem() {
        try (LocalReceiver receiver = LocalReceiver.answering(Reply.status(404,
                "no webhook at /services/T0/B0/path-token?key=query-token"))) {
            URI url = receiver.url("/services/T0/B0/path-token?key=query-token");

            DeliveryResult result = poster.post(url, BODY, "k-1", Map.of(), TIMEOUT);

            assertThat(result).isEqualTo(new DeliveryResult.PermanentFailure("HTTP 404: no webhook at <secret>?<secret>"));
        }
    }
}
