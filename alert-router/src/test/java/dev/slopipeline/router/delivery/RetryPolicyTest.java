package dev.slopipeline.router.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 3);

    @ParameterizedTest(name = "after failure {0} at jitter {1}: {2} ms")
    @CsvSource({
        "1, 0.0,     0",
        "1, 0.5,   500",
        "1, 0.99999999, 1000",
        "2, 0.5,  1000",
        "3, 0.5,  2000",
        "6, 0.99999999, 32000",
        "7, 0.99999999, 60000",
        "40, 0.99999999, 60000",
        "40, 0.25, 15000"
    })
    void shouldDrawUniformlyBelowADoublingCappedCeiling(int failedAttempts, double jitter, long expectedMillis) {
        assertThat(policy.backoff(failedAttempts, new FixedRandom(jitter))).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void shouldSpreadRetriesOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(42);
        long below = 0;
        for (int i = 0; i < 1000; i++) {
            Duration wait = policy.backoff(3, random);
            assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(4));
            below += wait.compareTo(Duration.ofSeconds(2)) < 0 ? 1 : 0;
        }
        assertThat(below).as("about half below the middle").isBetween(400L, 600L);
    }

    @Test
    void shouldHonourRetryAfterUpToTheCap() {
        assertThat(policy.retryAfter(Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.retryAfter(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRejectPoliciesThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1), 3))
                .hasMessageContaining("0 < base <= cap");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .hasMessageContaining("0 < base <= cap");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessageContaining("attemptsBeforeFailover must be at least 1");
    }
}
