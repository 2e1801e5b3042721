package dev.slopipeline.router.routing.group;

import static dev.slopipeline.router.routing.group.Harness.T0;
import static dev.slopipeline.router.routing.group.Harness.at;
import static dev.slopipeline.router.routing.group.Harness.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which groups alerts land in: one per matching route (continue included) and group key. */
class GroupingRoutesTest {

    private static final String TWO_ROUTES = """
            route:
              receiver: default
              group_by: [slo]
              routes:
              - matchers: [severity="page"]
                receiver: pager
                continue: true
              - matchers: [team="payments"]
                receiver: payments
            receivers:
            - name: default
              webhook_configs: [{url: 'http://hooks.example/default'}]
            - name: pager
              webhook_configs: [{url: 'http://hooks.example/pager'}]
            - name: payments
              webhook_configs: [{url: 'http://hooks.example/payments'}]
            """;

    @Test
    void shouldNotifyOneGroupPerRouteWhenARouteContinues() {
        Harness h = new Harness(TWO_ROUTES);

        AlertEffects effects = h.fire(labels("a", "page", "team", "payments"), T0);

        assertThat(effects.groups()).containsExactly(
                "{}/{severity=\"page\"}/0:{slo=\"a\"}", "{}/{team=\"payments\"}/1:{slo=\"a\"}");
        assertThat(h.until(at("30s"))).containsExactly("pager: a/page firing", "payments: a/page firing");
        assertThat(h.sent).extracting(s -> s.notification().idempotencyKey()).doesNotHaveDuplicates();
    }

    @Test
    void shouldJoinOnlyTheGroupItWasSentToWhenAnotherTaskOwnsTheOther() {
        Harness h = new Harness(TWO_ROUTES);

        AlertEffects effects = h.engine.onAlert(Harness.firing(labels("a", "page", "team", "payments"), T0),
                "{}/{team=\"payments\"}/1:{slo=\"a\"}", T0);

        assertThat(effects.groups()).containsExactly("{}/{team=\"payments\"}/1:{slo=\"a\"}");
        assertThat(h.until(at("30s"))).containsExactly("payments: a/page firing");
    }

    @Test
    void shouldJoinEveryGroupItMatchesWhenSentToAGroupKeyThisConfigDoesNotGiveIt() {
        Harness h = new Harness(TWO_ROUTES);

        // a router on an older config chose the key: grouping it here beats losing it
        AlertEffects effects = h.engine.onAlert(Harness.firing(labels("a", "page", "team", "payments"), T0),
                "{}/{severity=\"page\"}/7:{slo=\"a\"}", T0);

        assertThat(effects.groups()).containsExactly(
                "{}/{severity=\"page\"}/0:{slo=\"a\"}", "{}/{team=\"payments\"}/1:{slo=\"a\"}");
        assertThat(h.until(at("30s"))).containsExactly("pager: a/page firing", "payments: a/page firing");
    }

    @Test
    void shouldSendAlertsNoChildCatchesToTheRoot() {
        Harness h = new Harness(TWO_ROUTES);
        h.fire(labels("a", "ticket", "team", "payments"), T0);
        h.fire(labels("b", "ticket", "team", "shop"), T0);

        // due together: flushed in group key order, and "/" sorts before ":"
        assertThat(h.until(at("30s"))).containsExactly("payments: a/ticket firing", "default: b/ticket firing");
    }

    static Stream<Arguments> groupings() {
        return Stream.of(
                Arguments.of("[slo]", List.of("team: a/page firing, a/ticket firing", "team: b/page firing")),
                Arguments.of("['...']", List.of("team: a/page firing", "team: a/ticket firing", "team: b/page firing")),
                // in label order: service is equal, severity decides before slo
                Arguments.of("[]", List.of("team: a/page firing, b/page firing, a/ticket firing")),
                Arguments.of("[severity, service]", List.of("team: a/page firing, b/page firing",
                        "team: a/ticket firing")));
    }

    @ParameterizedTest(name = "group_by: {0}")
    @MethodSource("groupings")
    void shouldSplitAlertsIntoGroupsByTheGroupByLabels(String groupBy, List<String> notifications) {
        Harness h = new Harness("""
                route:
                  receiver: team
                  group_by: %s
                receivers:
                - name: team
                  webhook_configs: [{url: 'http://hooks.example/team'}]
                """.formatted(groupBy), DefaultInhibition.OFF);
        h.fire(labels("a", "page"), T0);
        h.fire(labels("a", "ticket"), T0);
        h.fire(labels("b", "page"), T0);

        assertThat(h.until(at("30s"))).containsExactlyInAnyOrderElementsOf(notifications);
        assertThat(h.engine.groups()).hasSize(notifications.size());
    }
}
