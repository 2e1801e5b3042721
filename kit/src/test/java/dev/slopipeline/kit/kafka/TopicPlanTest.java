package dev.slopipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    private static final WantedTopic ALERTS = WantedTopic.withPartitions("slo.alerts", 3);
    private static final WantedTopic COMMANDS = WantedTopic.partitionedLike("router.incident-commands", "slo.alerts");
    private static final WantedTopic PAGES = WantedTopic.partitionedLike("router.pages", "router.incident-commands");
    private static final WantedTopic NOTIFICATIONS = WantedTopic.withPartitions("router.notifications", 2);

    @Test
    void shouldCreateTheNumberedTopicsFirstAndEachPartitionedTopicAfterItsSource() {
        TopicPlan plan = TopicPlan.of(List.of(PAGES, ALERTS, COMMANDS, NOTIFICATIONS));

        assertThat(plan.numbered()).containsExactly(ALERTS, NOTIFICATIONS);
        assertThat(plan.partitionedLike()).containsExactly(COMMANDS, PAGES);
    }

    @Test
    void shouldAwaitASourceThatIsNotWantedHereAsWellAsEveryWantedTopic() {
        TopicPlan plan = TopicPlan.of(List.of(COMMANDS, NOTIFICATIONS));

        assertThat(plan.awaited()).containsExactlyInAnyOrder("router.incident-commands", "router.notifications",
                "slo.alerts");
    }

    @Test
    void shouldFindEveryTopicWhosePartitionCountDiffersFromItsSource() {
        TopicPlan plan = TopicPlan.of(List.of(ALERTS, COMMANDS, PAGES, NOTIFICATIONS));

        List<PartitionMismatch> mismatches = plan.mismatches(Map.of("slo.alerts", 3, "router.incident-commands", 3,
                "router.pages", 6, "router.notifications", 2));

        assertThat(mismatches).containsExactly(new PartitionMismatch("router.pages", 6, "router.incident-commands", 3));
        assertThat(plan.mismatches(Map.of("slo.alerts", 6, "router.incident-commands", 6, "router.pages", 6,
                "router.notifications", 2))).as("numbered topics keep their own count").isEmpty();
    }

    @Test
    void shouldNameBothTopicsAndTheirCountsInWhatItReports() {
        PartitionMismatch mismatch = new PartitionMismatch("router.pages", 6, "router.incident-commands", 3);

        assertThat(mismatch.warning()).contains("router.pages has 6 partition(s)", "router.incident-commands",
                "has 3");
        assertThat(mismatch.failure()).contains("router.pages was just created with 6 partition(s)",
                "as many as router.incident-commands, which has 3", "recreate router.pages with 3 partition(s)");
    }

    @Test
    void shouldRefuseTopicsThatTakeTheirPartitionCountFromEachOther() {
        List<WantedTopic> circle = List.of(WantedTopic.partitionedLike("a", "b"), WantedTopic.partitionedLike("b", "c"),
                WantedTopic.partitionedLike("c", "a"));

        assertThatThrownBy(() -> TopicPlan.of(circle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topics a -> b -> c -> a take their partition count from each other: one of them needs "
                        + "a number");
    }

    @Test
    void shouldRefuseATopicWantedTwice() {
        assertThatThrownBy(() -> TopicPlan.of(List.of(ALERTS, WantedTopic.withPartitions("slo.alerts", 6))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic slo.alerts is wanted twice");
    }
}
