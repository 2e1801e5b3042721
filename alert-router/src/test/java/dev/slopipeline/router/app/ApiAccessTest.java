package dev.slopipeline.router.app;

import static org.assertj.core.api.Assertions.assertThat;

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
    void shouldOpenReadsUnlessTokensAreRequiredForThem() {
        assertThat(access.refusal(NO_HEADER, ApiScope.READ)).isEmpty();
        assertThat(status(access.withTokenRequiredForReads(true).refusal(NO_HEADER, ApiScope.READ))).isEqualTo(401);
        assertThat(access.withTokenRequiredForReads(true).refusal("Bearer r", ApiScope.READ)).isEmpty();
    }

    @Test
    void shouldNeverShowTheTokensInItsDescription() {
        assertThat(ApiAccess.NONE.withToken("s3cret", ApiScope.WRITE).toString()).doesNotContain("s3cret");
    }

    private static int status(Optional<Reply> reply) {
        return reply.map(Reply::status).orElse(200);
    }
}
