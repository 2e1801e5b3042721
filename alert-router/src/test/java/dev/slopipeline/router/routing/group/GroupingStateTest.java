package dev.slopipeline.router.routing.group;

import static dev.slopipeline.router.routing.group.Harness.T0;
import static dev.slopipeline.router.routing.group.Harness.at;
import static dev.slopipeline.router.routing.group.Harness.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The engine's state survives a snapshot: saved and restored mid-stream, it carries on as if never stopped. */
class GroupingStateTest {

    private static final String CONFIG = """
            route:
              receiver: team
              group_by: [slo]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 1h
              routes:
              - matchers: [severity="page"]
                receiver: pager
                continue: true
            receivers:
            - name: team
              webhook_configs: [{url: 'http://hooks.example/team'}]
            - name: pager
              pagerduty_configs: [{routing_key: 0123456789abcdef0123456789abcdef}]
            """;

    private static final Map<String, String> A_PAGE = labels("a", "page");
    private static final Map<String, String> A_TICKET = labels("a", "ticket");
    private static final Map<String, String> B_PAGE = labels("b", "page");

    /** What happens, in order: alerts arriving and time passing. */
    private static final List<Consumer<Harness>> STORY = List.of(
            h -> h.fire(A_PAGE, T0),
            h -> h.until(at("30s")),
            h -> h.fire(B_PAGE, at("1m")),
            h -> h.fire(A_TICKET, at("2m")),
            h -> h.until(at("6m")),
            h -> h.resolve(A_PAGE, T0, at("7m")),
            h -> h.until(at("9m")),
            h -> h.resolve(B_PAGE, at("1m"), at("20m")),
            h -> h.until(at("3h")));

    @Test
    void shouldCarryOnAfterARestoreExactlyAsWithoutOne() {
        Harness uninterrupted = new Harness(CONFIG);
        STORY.forEach(step -> step.accept(uninterrupted));

        for (int stop = 1; stop < STORY.size(); stop++) {
            Harness before = new Harness(CONFIG);
            STORY.subList(0, stop).forEach(step -> step.accept(before));
            GroupingStateCodec codec = new GroupingStateCodec();
            byte[] snapshot = codec.encode(before.engine.exportState());

            Harness after = new Harness(CONFIG);
            after.engine.importState(codec.decode(snapshot), T0);
            STORY.subList(stop, STORY.size()).forEach(step -> step.accept(after));

            List<Notification> resumed = new ArrayList<>();
            before.sent.forEach(s -> resumed.add(s.notification()));
            after.sent.forEach(s -> resumed.add(s.notification()));
            assertThat(resumed).as("stopped after step %d", stop)
                    .isEqualTo(uninterrupted.sent.stream().map(Harness.Sent::notification).toList());
            assertThat(after.engine.exportState()).isEqualTo(uninterrupted.engine.exportState());
        }
        // pages go to the pager only (a child matched); the ticket of a is inhibited while a pages, then
        // repeated when more than repeat_interval (1h) after its first notification at 7m30s, at group intervals
        assertThat(uninterrupted.sent).extracting(Harness.Sent::summary).containsExactly(
                "pager: a/page firing",
                "pager: b/page firing",
                "team: a/ticket firing",
                "pager: a/page resolved",
                "pager: b/page resolved",
                "team: a/ticket firing",
                "team: a/ticket firing");
        assertThat(uninterrupted.sentAt()).containsExactly("30s", "1m30s", "7m30s", "10m30s", "21m30s", "1h12m30s",
                "2h17m30s");
    }

    @Test
    void shouldReadBackEveryPartOfTheState() {
        Harness h = new Harness(CONFIG, DefaultInhibition.OFF);
        h.fire(A_PAGE, T0);
        h.fire(A_TICKET, T0);
        h.until(at("30s"));
        h.resolve(A_PAGE, T0, at("1m"));
        GroupingState state = h.engine.exportState();
        GroupingStateCodec codec = new GroupingStateCodec();

        GroupingState decoded = codec.decode(codec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.alerts()).hasSize(2);
        assertThat(decoded.groups()).hasSize(2);
        assertThat(decoded.log()).hasSize(2);
    }

    @Test
    void shouldWriteTheDocumentedShape() {
        Map<String, String> labels = Map.of("slo", "a");
        Fingerprint fingerprint = Fingerprint.of(labels);
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        GroupingState state = new GroupingState(
                List.of(new LabelledAlert(labels, Map.of("summary", "s"), t, null, t)),
                List.of(new AggregationGroup("{}:{}", "{}", Map.of(), t.plusSeconds(30), false,
                        new TreeSet<>(List.of(fingerprint)))),
                List.of(new LogEntry("{}:{}", "team", new TreeSet<>(List.of(fingerprint)), new TreeSet<>(), t, 1)));

        assertThat(new String(new GroupingStateCodec().encode(state), StandardCharsets.UTF_8)).isEqualTo(
                "{\"version\":1,"
                        + "\"alerts\":[{\"labels\":{\"slo\":\"a\"},\"annotations\":{\"summary\":\"s\"},"
                        + "\"startsAt\":\"2026-11-23T10:00:00Z\",\"updatedAt\":\"2026-11-23T10:00:00Z\"}],"
                        + "\"groups\":[{\"key\":\"{}:{}\",\"routeId\":\"{}\",\"labels\":{},"
                        + "\"nextFlushAt\":\"2026-11-23T10:00:30Z\",\"hasFlushed\":false,\"alerts\":[\"" + fingerprint
                        + "\"]}],"
                        + "\"log\":[{\"groupKey\":\"{}:{}\",\"receiver\":\"team\",\"firing\":[\"" + fingerprint
                        + "\"],\"resolved\":[],\"timestamp\":\"2026-11-23T10:00:00Z\",\"sequence\":1}]}");
    }

    @Test
    void shouldRegroupTheAlertsOfARouteThatNoLongerExists() {
        Harness before = new Harness(CONFIG);
        before.fire(A_PAGE, T0);
        before.until(at("30s"));
        Harness after = new Harness("""
                route:
                  receiver: team
                  group_by: [slo]
                  routes:
                  - matchers: [severity=~"page|critical"]
                    receiver: pager
                receivers:
                - name: team
                  webhook_configs: [{url: 'http://hooks.example/team'}]
                - name: pager
                  pagerduty_configs: [{routing_key: 0123456789abcdef0123456789abcdef}]
                """);

        after.engine.importState(before.engine.exportState(), at("1m"));

        assertThat(after.engine.groups()).extracting(AggregationGroup::key).containsExactly(
                "{}/{severity=~\"page|critical\"}/0:{slo=\"a\"}");
        assertThat(after.until(at("1m"))).as("started more than group_wait ago: flushed at once")
                .containsExactly("pager: a/page firing");
    }

    @Test
    void shouldRefuseASnapshotItCannotRead() {
        GroupingStateCodec codec = new GroupingStateCodec();

        assertThatThrownBy(() -> codec.decode("{\"version\":2}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("grouping snapshot has no \"version\":1");
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("grouping snapshot is not JSON");
    }
}
