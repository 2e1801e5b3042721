package dev.slopipeline.router.routing.group;

import static dev.slopipeline.router.routing.group.Harness.T0;
import static dev.slopipeline.router.routing.group.Harness.at;
import static dev.slopipeline.router.routing.group.Harness.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.matcher.MatcherParser;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.silence.SilenceRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Inhibition, time mutes and silences at flush time, and what they count. */
class NotificationPipelineTest {

    private static final String CONFIG = """
            route:
              receiver: team
              group_by: [slo]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
              routes:
              - matchers: [severity="ticket"]
                receiver: tickets
                mute_time_intervals: [weekends]
              - matchers: [severity="notify"]
                receiver: office
                active_time_intervals: [office-hours]
            receivers:
            - name: team
              webhook_configs: [{url: 'http://hooks.example/team'}]
            - name: tickets
              webhook_configs: [{url: 'http://hooks.example/tickets'}]
            - name: office
              webhook_configs: [{url: 'http://hooks.example/office'}]
            inhibit_rules:
            - source_matchers: [alertname="StorefrontDown"]
              target_matchers: [service="storefront"]
            time_intervals:
            - name: weekends
              time_intervals:
              - weekdays: [saturday, sunday]
            - name: office-hours
              time_intervals:
              - times: [{start_time: '09:00', end_time: '17:00'}]
                weekdays: ['monday:friday']
            """;

    private static final Map<String, String> A_PAGE = labels("a", "page");
    private static final Map<String, String> B_PAGE = labels("b", "page");
    private static final Map<String, String> A_TICKET = labels("a", "ticket");

    @Test
    void shouldLeaveOutInhibitedAlertsAndCountThem() {
        Harness h = new Harness(CONFIG);
        h.fire(Map.of("alertname", "StorefrontDown", "slo", "a", "severity", "page"), T0);
        h.fire(A_PAGE, T0);
        h.fire(B_PAGE, T0);

        assertThat(h.until(at("30s"))).containsExactly("team: a/page firing");
        assertThat(h.last().alerts()).singleElement()
                .satisfies(a -> assertThat(a.labels()).containsEntry("alertname", "StorefrontDown"));
        assertThat(h.metrics.suppressed).containsOnly(entry("inhibit team", 2));
    }

    @Test
    void shouldHideTheTicketOfAPagingSloWithTheBuiltInRuleUnlessSwitchedOff() {
        Harness on = new Harness(CONFIG);
        Harness off = new Harness(CONFIG, DefaultInhibition.OFF);
        for (Harness h : new Harness[] {on, off}) {
            h.fire(A_PAGE, T0);
            h.fire(A_TICKET, T0);
        }

        assertThat(on.until(at("30s"))).containsExactly("team: a/page firing");
        assertThat(on.metrics.suppressed).containsOnly(entry("inhibit tickets", 1));
        assertThat(off.until(at("30s"))).containsExactly("tickets: a/ticket firing", "team: a/page firing");
    }

    @Test
    void shouldSendNothingWhileSilencedAndNotifyOnceTheSilenceExpires() {
        Harness h = new Harness(CONFIG);
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        h.silences.create(id, new SilenceRequest(Matchers.of(MatcherParser.parse("{slo=\"a\"}").matchers()), T0,
                at("2h"), "ana", "fix under way"), T0);
        h.fire(A_PAGE, T0);
        h.fire(B_PAGE, T0);

        assertThat(h.until(at("30s"))).containsExactly("team: b/page firing");
        assertThat(h.until(at("1h"))).isEmpty();
        assertThat(h.engine.exportState().log()).extracting(LogEntry::groupKey)
                .as("a silenced group logs nothing").containsExactly("{}:{slo=\"b\"}");

        h.silences.expire(id, at("1h1m"));
        assertThat(h.until(at("1h5m30s"))).containsExactly("team: a/page firing");
        // a: flushed at 30s and every 5m until 1h0m30s while silenced, 12 + 1 times
        assertThat(h.metrics.suppressed).containsEntry("silence team", 13);
    }

    @Test
    void shouldHoldARouteBackInItsMuteTimeAndTellItAfterwards() {
        Harness h = new Harness(CONFIG);
        h.fire(A_TICKET, Instant.parse("2026-11-22T23:50:00Z")); // Sunday; the weekend ends at midnight UTC

        assertThat(h.until(Instant.parse("2026-11-22T23:59:59Z"))).as("flushes at 23:50:30 and 23:55:30").isEmpty();
        assertThat(h.until(Instant.parse("2026-11-23T00:00:30Z"))).as("the first flush on Monday")
                .containsExactly("tickets: a/ticket firing");
        assertThat(h.metrics.suppressed).containsOnly(entry("time_mute tickets", 2));
    }

    @Test
    void shouldTellARouteOnlyInItsActiveTime() {
        Harness h = new Harness(CONFIG);
        h.fire(labels("a", "notify"), at("6h58m")); // Monday 16:58 UTC; office hours end at 17:00
        assertThat(h.until(at("6h58m30s"))).containsExactly("office: a/notify firing");

        h.fire(labels("b", "notify"), at("7h"));

        assertThat(h.until(at("22h59m"))).as("b waits for Tuesday's office hours").isEmpty();
        assertThat(h.until(at("23h0m30s"))).as("Tuesday 09:00:30").containsExactly("office: b/notify firing");
    }

    @Test
    void shouldCountInMicrometer() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);

        metrics.suppressed("silence", "team", 3);
        metrics.suppressed("silence", "team", 2);
        metrics.notified("team", 4);

        assertThat(registry.get(MicrometerPipelineMetrics.SUPPRESSED).tag("stage", "silence").tag("receiver", "team")
                .counter().count()).isEqualTo(5);
        assertThat(registry.get(MicrometerPipelineMetrics.NOTIFICATIONS).tag("receiver", "team").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerPipelineMetrics.NOTIFIED_ALERTS).tag("receiver", "team").counter().count())
                .isEqualTo(4);
    }

    @Test
    void shouldExportEveryStageAndReceiverAtZeroBeforeTheFirstAlert() {
        Harness h = new Harness(CONFIG);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        NotificationPipeline.standard(h.config, h.silences, DefaultInhibition.ON, new MicrometerPipelineMetrics(registry));

        // a dashboard's increase() over these reads 0, not "no data", until something is held back or sent
        for (String receiver : new String[] {"team", "tickets", "office"}) {
            for (String stage : new String[] {"inhibit", "time_mute", "silence", "dedup"}) {
                assertThat(registry.get(MicrometerPipelineMetrics.SUPPRESSED).tags("stage", stage, "receiver", receiver)
                        .counter().count()).isZero();
            }
            assertThat(registry.get(MicrometerPipelineMetrics.NOTIFICATIONS).tag("receiver", receiver).counter().count())
                    .isZero();
            assertThat(registry.get(MicrometerPipelineMetrics.NOTIFIED_ALERTS).tag("receiver", receiver).counter()
                    .count()).isZero();
        }
    }

    @Test
    void shouldNameItsStagesInOrder() {
        Harness h = new Harness(CONFIG);

        assertThat(NotificationPipeline.standard(h.config, h.silences, DefaultInhibition.ON, PipelineMetrics.NONE)
                .steps()).extracting(NotificationPipeline.Step::name)
                .containsExactly("inhibit", "time_mute", "silence", "dedup");
    }
}
