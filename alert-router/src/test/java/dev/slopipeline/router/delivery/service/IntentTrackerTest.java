package dev.slopipeline.router.delivery.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class IntentTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("router.notifications", 0);
    private static final TopicPartition P1 = new TopicPartition("router.notifications", 1);

    private final IntentTracker tracker = new IntentTracker();

    @Test
    void shouldCommitUpToTheEarliestIntentNotFinalYet() {
        tracker.track(P0, 10, List.of("a#0", "a#1"));
        tracker.track(P0, 11, List.of("b#0"));
        tracker.track(P0, 12, List.of());

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        tracker.finished("b#0");
        tracker.finished("a#0");
        assertThat(tracker.committable()).as("a#1 still holds intent 10 back").isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        assertThat(tracker.unfinished()).isEqualTo(1);

        tracker.finished("a#1");

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
        assertThat(tracker.unfinished()).isZero();
    }

    @Test
    void shouldOfferOnlyPositionsThatMovedSinceTheLastCommit() {
        tracker.track(P0, 0, List.of());
        tracker.track(P1, 0, List.of("a#0"));
        tracker.committed(tracker.committable());

        assertThat(tracker.committable()).isEmpty();
        tracker.finished("a#0");
        assertThat(tracker.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(1)));
    }

    @Test
    void shouldFinishEveryIntentWaitingForTheSameDelivery() {
        tracker.track(P0, 3, List.of("a#0"));
        tracker.track(P0, 4, List.of("a#0"));

        tracker.finished("a#0");

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));
    }

    @Test
    void shouldForgetRevokedPartitionsAndNameTheDeliveriesNobodyWaitsForAnyMore() {
        tracker.track(P0, 0, List.of("a#0", "b#0"));
        tracker.track(P1, 0, List.of("c#0"));

        assertThat(tracker.forget(List.of(P0))).containsExactlyInAnyOrder("a#0", "b#0");

        assertThat(tracker.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(0)));
        assertThat(tracker.unfinished()).isEqualTo(1);
        tracker.finished("a#0");
        assertThat(tracker.committable()).containsOnlyKeys(P1);
    }
}
