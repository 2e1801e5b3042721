package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.DeliveryOutcome;
import dev.slopipeline.router.delivery.RetryState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:05:00Z");
    private static final RetryState NEXT = new RetryState("team-shop#0", 1, 1, AT.plusSeconds(2), "HTTP 503");
    private static final DeliveryOutcome RETRYING = new DeliveryOutcome.Retrying("i#0", "g", "team-shop#0", 1, AT,
            Duration.ofMillis(3), "HTTP 503", NEXT);
    private static final DeliveryOutcome DELIVERED = new DeliveryOutcome.Delivered("i#0", "g", "team-shop#0", 2,
            AT.plusSeconds(2), Duration.ofMillis(3));

    private final Ledger ledger = new Ledger();

    @Test
    void shouldRememberWhereARetryingDeliveryStands() {
        ledger.learn(RETRYING);

        assertThat(ledger.lookup("i#0")).contains(new Ledger.Retrying(NEXT));
        assertThat(ledger.isRecordedFinal("i#0")).isFalse();
        assertThat(ledger.lookup("other#0")).isEmpty();
    }

    @Test
    void shouldNeverReopenAFinalOutcome() {
        ledger.learn(DELIVERED);
        ledger.learn(RETRYING);
        ledger.reported(RETRYING);

        assertThat(ledger.lookup("i#0")).contains(new Ledger.Final(true));
    }

    @Test
    void shouldRememberTheContentEachKeyWasUsedFor() {
        ledger.learn(DELIVERED);

        assertThat(ledger.content("i#0")).as("known from a record that does not name its content").isEmpty();

        ledger.remember("i#0", "3fa2b1c4d5e6f708a9b0c1d2e3f40516");

        assertThat(ledger.content("i#0")).contains("3fa2b1c4d5e6f708a9b0c1d2e3f40516");
        assertThat(ledger.content("other#0")).isEmpty();
    }

    @Test
    void shouldTellAReportedFinalOutcomeFromARecordedOne() {
        ledger.reported(RETRYING);
        ledger.reported(DELIVERED);

        assertThat(ledger.lookup("i#0")).contains(new Ledger.Final(false));
        assertThat(ledger.isRecordedFinal("i#0")).isFalse();

        ledger.recorded(DELIVERED);

        assertThat(ledger.isRecordedFinal("i#0")).isTrue();
        ledger.reported(DELIVERED);
        assertThat(ledger.isRecordedFinal("i#0")).as("a repeat report does not unrecord it").isTrue();
    }
}
