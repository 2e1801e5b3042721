package dev.slopipeline.router.routing.group;

import static dev.slopipeline.router.routing.group.Harness.T0;
import static dev.slopipeline.router.routing.group.Harness.at;
import static dev.slopipeline.router.routing.group.Harness.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.AlertStore.Admission;
import dev.slopipeline.router.notification.Notification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** group_wait, group_interval, repeat_interval and send_resolved, flush by flush, timed by hand. */
class GroupingTimersTest {

    static String config(boolean sendResolved) {
        return """
                route:
                  receiver: team
                  group_by: [service]
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 4h
                receivers:
                - name: team
                  webhook_configs:
                  - url: http://hooks.example/team
                    send_resolved: %s
                """.formatted(sendResolved);
    }

    private static final Map<String, String> A = labels("a", "page");
    private static final Map<String, String> B = labels("b", "page");
    private static final Map<String, String> C = labels("c", "page");

    @Test
    void shouldWaitGroupWaitThenNotifyAtGroupIntervalsOnlyWhenSomethingIsNew() {
        Harness h = new Harness(config(true));

        AlertEffects effects = h.fire(A, T0);
        assertThat(effects.admission()).isEqualTo(Admission.NEW);
        assertThat(effects.createdGroups()).containsExactly("{}:{service=\"storefront\"}");
        assertThat(h.engine.nextDueAt()).contains(at("30s"));
        assertThat(h.until(at("29s"))).isEmpty();
        assertThat(h.until(at("30s"))).containsExactly("team: a/page firing");
        assertThat(h.engine.nextDueAt()).contains(at("5m30s"));

        AlertEffects joined = h.fire(B, at("1m"));
        assertThat(joined.createdGroups()).isEmpty();
        assertThat(joined.groups()).containsExactly("{}:{service=\"storefront\"}");
        assertThat(h.engine.nextDueAt()).as("a group that flushed waits for its interval").contains(at("5m30s"));
        assertThat(h.until(at("5m29s"))).isEmpty();
        assertThat(h.until(at("5m30s"))).containsExactly("team: a/page firing, b/page firing");
        assertThat(h.until(at("2h"))).as("nothing new at 10m30s, 15m30s, ...").isEmpty();
        assertThat(h.sentAt()).containsExactly("30s", "5m30s");
    }

    @Test
    void shouldTellAReceiverThatWantsResolutionsAtTheNextFlushAndCloseTheGroupWhenAllResolve() {
        Harness h = new Harness(config(true));
        h.fire(A, T0);
        h.fire(B, T0);
        h.until(at("30s"));

        h.resolve(A, T0, at("2m"));
        assertThat(h.until(at("5m30s"))).containsExactly("team: a/page resolved, b/page firing");
        assertThat(h.engine.groups()).singleElement().satisfies(g -> assertThat(g.alerts()).hasSize(1));

        h.resolve(B, T0, at("6m"));
        assertThat(h.until(at("10m30s"))).containsExactly("team: b/page resolved");
        assertThat(h.engine.groups()).isEmpty();
        assertThat(h.engine.nextDueAt()).isEmpty();
        Notification last = h.last();
        assertThat(last.status()).isEqualTo(AlertState.RESOLVED);
        assertThat(last.alerts().get(0).endsAt()).isEqualTo(at("6m"));
    }

    @Test
    void shouldKeepResolutionsFromAReceiverThatDoesNotWantThem() {
        Harness h = new Harness(config(false));
        h.fire(A, T0);
        h.fire(B, T0);
        h.until(at("30s"));

        h.resolve(A, T0, at("2m"));
        assertThat(h.until(at("5m30s"))).as("b still fires, nothing new to say").isEmpty();

        h.resolve(B, T0, at("6m"));
        assertThat(h.until(at("10m30s"))).as("all resolved: logged, not sent").isEmpty();
        assertThat(h.engine.groups()).isEmpty();
        assertThat(h.engine.exportState().log()).singleElement()
                .satisfies(entry -> assertThat(entry.firing()).isEmpty());

        h.fire(A, at("20m"));
        assertThat(h.until(at("20m30s"))).as("the log ended with a resolution: a first notification again")
                .containsExactly("team: a/page firing");
    }

    @Test
    void shouldLeaveResolvedAlertsOutOfANotificationForAReceiverThatDoesNotWantThem() {
        Harness h = new Harness(config(false));
        h.fire(A, T0);
        h.fire(B, T0);
        h.until(at("30s"));

        h.resolve(A, T0, at("2m"));
        h.fire(C, at("3m"));

        assertThat(h.until(at("5m30s"))).containsExactly("team: b/page firing, c/page firing");
    }

    @Test
    void shouldRepeatOnceMoreThanTheRepeatIntervalHasPassedAtAFlush() {
        Harness h = new Harness(config(true));
        h.fire(A, T0);
        h.until(at("30s"));

        // logged at 30s; flushes at 30s + k·5m; 4h after is 4h00m30s, which is not more than 4h: the next one repeats
        assertThat(h.until(at("4h0m30s"))).isEmpty();
        assertThat(h.until(at("4h5m30s"))).containsExactly("team: a/page firing");
        assertThat(h.until(at("8h10m29s"))).isEmpty();
        assertThat(h.until(at("8h10m30s"))).containsExactly("team: a/page firing");
        assertThat(h.sentAt()).containsExactly("30s", "4h5m30s", "8h10m30s");
    }

    @Test
    void shouldFlushAtOnceAGroupWhoseFirstAlertStartedMoreThanGroupWaitAgo() {
        Harness h = new Harness(config(true));

        h.engine.onAlert(Harness.firing(A, T0), at("10m"));

        assertThat(h.engine.nextDueAt()).contains(at("10m"));
        assertThat(h.until(at("10m"))).containsExactly("team: a/page firing");
        assertThat(h.engine.nextDueAt()).contains(at("15m"));
    }

    @Test
    void shouldIgnoreATransitionOlderThanTheOneItKnows() {
        Harness h = new Harness(config(true));
        h.fire(A, T0);
        h.until(at("30s"));
        h.resolve(A, T0, at("2m"));

        AlertEffects effects = h.engine.onAlert(Harness.firing(A, T0), at("3m"));

        assertThat(effects.admission()).isEqualTo(Admission.STALE);
        assertThat(effects.groups()).isEmpty();
        assertThat(h.until(at("5m30s"))).containsExactly("team: a/page resolved");
    }

    @Test
    void shouldRememberAResolvedAlertAfterItsGroupClosedSoALateFiringCannotReviveIt() {
        Harness h = new Harness(config(true));
        h.fire(A, T0);
        h.resolve(A, T0, at("2m"));
        assertThat(h.until(at("5m30s"))).containsExactly("team: a/page resolved");
        assertThat(h.engine.groups()).isEmpty();

        AlertEffects late = h.engine.onAlert(Harness.firing(A, T0), at("10m"));

        assertThat(late.admission()).isEqualTo(Admission.STALE);
        assertThat(h.engine.groups()).isEmpty();
        assertThat(h.engine.exportState().alerts()).singleElement().satisfies(a -> assertThat(a.resolved()).isTrue());
    }

    @Test
    void shouldNumberTheNotificationsOfAGroupForTheirIdempotencyKeys() {
        Harness h = new Harness(config(true));
        h.fire(A, T0);
        h.until(at("30s"));
        h.fire(B, at("1m"));
        h.until(at("5m30s"));

        assertThat(h.sent).extracting(s -> s.notification().idempotencyKey())
                .hasSize(2).doesNotHaveDuplicates().allMatch(key -> key.matches("[0-9a-f]{32}"));
        assertThat(h.engine.exportState().log()).singleElement()
                .satisfies(entry -> assertThat(entry.sequence()).isEqualTo(2));

        Harness redo = new Harness(config(true));
        redo.fire(A, T0);
        redo.until(at("30s"));
        redo.fire(B, at("1m"));
        redo.until(at("5m30s"));
        assertThat(redo.sent).as("the same flushes redone (after a crash) give the same keys")
                .extracting(s -> s.notification().idempotencyKey())
                .containsExactlyElementsOf(h.sent.stream().map(s -> s.notification().idempotencyKey()).toList());
    }

    @Test
    void shouldNeverGiveTwoDifferentNotificationsOneKey() {
        // two engines that each hold part of one group (what one owner per group key prevents): same group key,
        // receiver and sequence number, different alerts
        Harness first = new Harness(config(true));
        first.fire(A, T0);
        first.until(at("30s"));
        Harness second = new Harness(config(true));
        second.fire(B, T0);
        second.until(at("30s"));

        Notification a = first.sent.get(0).notification();
        Notification b = second.sent.get(0).notification();
        assertThat(b.groupKey()).isEqualTo(a.groupKey());
        assertThat(b.idempotencyKey()).isNotEqualTo(a.idempotencyKey());
    }

    @Test
    void shouldDescribeTheGroupInTheNotification() {
        Harness h = new Harness(config(true));
        h.fire(labels("a", "page", "team", "shop"), T0);
        h.fire(labels("b", "page", "team", "pay"), T0);

        Notification notification = h.engine.tick(at("30s")).get(0);

        assertThat(notification.receiver()).isEqualTo("team");
        assertThat(notification.groupKey()).isEqualTo("{}:{service=\"storefront\"}");
        assertThat(notification.groupLabels()).isEqualTo(Map.of("service", "storefront"));
        assertThat(notification.commonLabels()).isEqualTo(Map.of("service", "storefront", "severity", "page"));
        assertThat(notification.commonAnnotations()).isEmpty();
        assertThat(notification.externalUrl()).isEqualTo(Harness.EXTERNAL_URL);
        assertThat(notification.ackUrl()).isNull();
        assertThat(notification.alerts()).extracting(a -> a.labels().get("slo")).containsExactly("a", "b");
        assertThat(notification.alerts().get(0).fingerprint())
                .isEqualTo(Harness.firing(labels("a", "page", "team", "shop"), T0).fingerprint().toString());
        assertThat(notification.alerts()).allSatisfy(a -> assertThat(a.endsAt()).isNull());
    }

    @Test
    void shouldSendNothingToAReceiverWithoutChannels() {
        Harness h = new Harness("""
                route:
                  receiver: nowhere
                receivers:
                - name: nowhere
                """);
        h.fire(A, T0);

        assertThat(h.until(at("1h"))).isEmpty();
        assertThat(h.engine.exportState().log()).isEmpty();
        assertThat(h.engine.groups()).hasSize(1);
        assertThat(List.copyOf(h.metrics.notified.keySet())).isEmpty();
    }
}
