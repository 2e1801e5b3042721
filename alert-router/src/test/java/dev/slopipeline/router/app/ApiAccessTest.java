package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.http.Reply;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiAccessTest {

    /** A request without an {@code Authorization} header. */
    private static final String NO_HEADER = null;

    private final ApiAccess access = ApiAccess.NONE.withToken("w", ApiScope.WRITE).withToken("r", ApiScope.READ);

    @Test
    void shouldLetAWriteTokenWriteAndRead() {
        assertThat(access.refusal("Bearer w", ApiScope.WRITE)).isEmpty();
        assertThat(access.withTokenRequiredForReads(true).refusal("Bearer w", ApiScope.READ)).isEmpty();
    }

    @Test
    void shouldRefuseAWriteWithAReadToken() {
        assertThat(status(access.refusal("Bearer r", ApiScope.WRITE))).isEqualTo(403);
    }

    @Test
    void shouldAskForATokenWhenItIsMissingOrUnknown() {
        assertThat(access.refusal(NO_HEADER, ApiScope.WRITE)).hasValueSatisfying(reply -> {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.headers()).containsEntry("WWW-Authenticate", "Bearer");
        });
        assertThat(status(access.refusal("Bearer guess", ApiScope.WRITE))).isEqualTo(401);
        assertThat(status(access.refusal("Basic dzp3", ApiScope.WRITE))).isEqualTo(401);
    }

    @Test
    void shouldRefuseEveryWriteWhenNoWriteTokenIsConfigured() {
        ApiAccess readOnly = ApiAccess.NONE.withToken("r", ApiScope.READ);

        assertThat(readOnly.refusal("Bearer r", ApiScope.WRITE)).hasValueSatisfying(reply -> {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(new String(reply.body())).contains("no API token of scope write").contains("router.api.token");
        });
    }

    @Test
    void shouldNeedATokenForReadsAsSoonAsAnyTokenIsConfigured() {
        assertThat(status(access.refusal(NO_HEADER, ApiScope.READ))).isEqualTo(401);
        assertThat(status(access.refusal("Bearer guess", ApiScope.READ))).isEqualTo(401);
        assertThat(access.refusal("Bearer r", ApiScope.READ)).isEmpty();
        assertThat(access.refusal("Bearer w", ApiScope.READ)).isEmpty();
        ApiAccess writeTokenOnly = ApiAccess.NONE.withToken("w", ApiScope.WRITE);
        assertThat(status(writeTokenOnly.refusal(NO_HEADER, ApiScope.READ))).isEqualTo(401);
        assertThat(writeTokenOnly.readsOpen()).isFalse();
    }

    @Test
    void shouldOpenReadsOnlyOnARouterWithoutAnyTokenUnlessTheyAreRequired() {
        assertThat(ApiAccess.NONE.readsOpen()).isTrue();
        assertThat(ApiAccess.NONE.refusal(NO_HEADER, ApiScope.READ)).isEmpty();
        assertThat(status(ApiAccess.NONE.refusal(NO_HEADER, ApiScope.WRITE))).isEqualTo(403);
        ApiAccess closed = ApiAccess.NONE.withTokenRequiredForReads(true);
        assertThat(closed.readsOpen()).isFalse();
        assertThat(closed.refusal(NO_HEADER, ApiScope.READ)).hasValueSatisfying(reply -> {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.bodyText()).contains("no API token of scope read").contains("router.api.read.token");
        });
    }

    @Test
    void shouldTellWhichTokenActed() {
        ApiAccess named = access.withToken("ci-bot", "c", ApiScope.WRITE);

        assertThat(named.check("Bearer c", ApiScope.WRITE)).isEqualTo(new ApiAccess.Verdict.Allowed(
                Optional.of(new ApiToken("ci-bot", ApiScope.WRITE, "c"))));
        assertThat(named.check("Bearer w", ApiScope.WRITE)).isEqualTo(new ApiAccess.Verdict.Allowed(
                Optional.of(new ApiToken("write token", ApiScope.WRITE, "w"))));
        assertThat(ApiAccess.NONE.check(NO_HEADER, ApiScope.READ)).isEqualTo(new ApiAccess.Verdict.Allowed(Optional.empty()));
    }

    @Test
    void shouldRefuseTwoTokensOfOneNameOrOneValue() {
        assertThatThrownBy(() -> access.withToken("write token", "other", ApiScope.WRITE))
                .hasMessageContaining("two API tokens are named \"write token\"");
        assertThatThrownBy(() -> access.withToken("ci-bot", "w", ApiScope.WRITE))
                .hasMessageContaining("have the same value").hasMessageNotContaining("\"w\"");
    }

    @Test
    void shouldNeverShowTheTokensInItsDescription() {
        assertThat(ApiAccess.NONE.withToken("s3cret", ApiScope.WRITE).toString()).doesNotContain("s3cret")
                .contains("write token");
        assertThat(new ApiToken("ci-bot", ApiScope.WRITE, "s3cret").toString()).doesNotContain("s3cret");
    }

    private static int status(Optional<Reply> reply) {
        return reply.map(Reply::status).orElse(200);
    }
}
