package dev.slopipeline.router.routing.route;

import static dev.slopipeline.router.routing.route.RouteMatchTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTreeTest {

    private static Route tree(String yaml) {
        return RouterConfigLoader.parse("alertmanager.yml", yaml).orElseThrow().route();
    }

    @Test
    void shouldWalkTheTreeDepthFirstWithInheritedReceivers() {
        // Alertmanager's TestRouteWalk
        Route root = tree("""
                route:
                  receiver: notify-def
                  routes:
                  - match: {owner: team-A}
                    receiver: notify-A
                    routes:
                    - {match: {env: testing}, receiver: notify-testing, group_by: [...]}
                    - {match: {env: production}, receiver: notify-productionA, group_wait: 1m, continue: true}
                    - {match_re: {env: produ.*, job: .*}, receiver: notify-productionB, group_by: [job]}
                  - {match_re: {owner: team-(B|C)}, group_by: [foo, bar], group_wait: 2m, receiver: notify-BC}
                  - match: {group_by: role}
                    group_by: [role]
                    routes:
                    - match: {env: testing}
                      receiver: notify-testing
                      routes:
                      - {match: {wait: long}, group_wait: 2m}
                receivers: [{name: notify-def}, {name: notify-A}, {name: notify-testing},
                            {name: notify-productionA}, {name: notify-productionB}, {name: notify-BC}]
                """);

        assertThat(root.stream().map(Route::receiver)).containsExactly(
                "notify-def", "notify-A", "notify-testing", "notify-productionA", "notify-productionB",
                "notify-BC", "notify-def", "notify-testing", "notify-testing");
    }

    @Test
    void shouldLetAChildInheritGroupByAllUnlessItGroupsByLabels() {
        // Alertmanager's TestInheritParentGroupByAll
        Route root = tree("""
                route:
                  receiver: default
                  routes:
                  - match: {env: parent}
                    group_by: ['...']
                    routes:
                    - match: {env: child1}
                    - match: {env: child2}
                      group_by: ['foo']
                receivers: [{name: default}]
                """);
        Route parent = root.children().get(0);

        assertThat(parent.options().groupBy()).isEqualTo(GroupBy.allLabels());
        assertThat(parent.children().get(0).options().groupBy()).isEqualTo(GroupBy.allLabels());
        assertThat(parent.children().get(1).options().groupBy()).isEqualTo(GroupBy.labels(List.of("foo")));
    }

    @Test
    void shouldGiveEveryRouteAnIdWithItsPositionAmongSiblings() {
        // Alertmanager's TestRouteID: equal matchers on siblings share a key but not an ID
        Route root = tree("""
                route:
                  receiver: default
                  routes:
                  - {continue: true, matchers: [foo=bar], receiver: test1, routes: [{matchers: [bar=baz]}]}
                  - {continue: true, matchers: [foo=bar], receiver: test1, routes: [{matchers: [bar=baz]}]}
                  - {continue: true, matchers: [foo=bar], receiver: test2, routes: [{matchers: [bar=baz]}]}
                  - continue: true
                    matchers: [bar=baz]
                    receiver: test3
                    routes: [{matchers: [baz=qux]}, {matchers: [qux=corge]}]
                  - {continue: true, matchers: ['qux=~"[a-zA-Z0-9]+"']}
                  - {continue: true, matchers: ['corge!~"[0-9]+"']}
                receivers: [{name: default}, {name: test1}, {name: test2}, {name: test3}]
                """);

        assertThat(root.stream().map(Route::id)).containsExactly(
                "{}",
                "{}/{foo=\"bar\"}/0",
                "{}/{foo=\"bar\"}/0/{bar=\"baz\"}/0",
                "{}/{foo=\"bar\"}/1",
                "{}/{foo=\"bar\"}/1/{bar=\"baz\"}/0",
                "{}/{foo=\"bar\"}/2",
                "{}/{foo=\"bar\"}/2/{bar=\"baz\"}/0",
                "{}/{bar=\"baz\"}/3",
                "{}/{bar=\"baz\"}/3/{baz=\"qux\"}/0",
                "{}/{bar=\"baz\"}/3/{qux=\"corge\"}/1",
                "{}/{qux=~\"[a-zA-Z0-9]+\"}/4",
                "{}/{corge!~\"[0-9]+\"}/5");
        assertThat(root.children().get(0).key()).isEqualTo(root.children().get(1).key()).isEqualTo("{}/{foo=\"bar\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        // anchored: "pay" does not match "payments"
        "team=payments;           regex-prefix",
        "team=pay;                exact",
        // a missing label is "", which env!="prod" accepts and env=~".+" refuses
        "team=shop;               not-prod",
        "team=shop,env=prod;      default",
        // continue: both siblings, in order; without it, the first wins
        "severity=page,team=db;   pager,db",
        "severity=ticket,team=db; db",
    })
    void shouldMatchAnchoredRegexesMissingLabelsAndContinue(String alert, String receivers) {
        Route root = tree("""
                route:
                  receiver: default
                  routes:
                  - {matchers: [team=pay], receiver: exact}
                  - {matchers: ['team=~"pay.+"'], receiver: regex-prefix}
                  - {matchers: [severity=page], receiver: pager, continue: true}
                  - {matchers: [team=db], receiver: db}
                  - {matchers: [team=db], receiver: never}
                  - {matchers: ['env!="prod"'], receiver: not-prod}
                receivers: [{name: default}, {name: exact}, {name: regex-prefix}, {name: pager}, {name: db},
                            {name: never}, {name: not-prod}]
                """);

        assertThat(root.match(labels(alert))).map(Route::receiver).containsExactly(receivers.split(","));
    }

    @Test
    void shouldRouteAnAlertPastABacktrackingRegexInLinearTime() {
        Route root = tree("""
                route:
                  receiver: default
                  routes:
                  - {matchers: ['slo=~"(.*a){8}"'], receiver: never}
                  - {matchers: [team=shop], receiver: shop}
                receivers: [{name: default}, {name: never}, {name: shop}]
                """);
        // java.util.regex needs about 2 s for 41 characters here, and its time grows with the eighth power of the length
        Map<String, String> hostile = Map.of("slo", "a".repeat(10_000) + "!", "team", "shop");

        List<Route> matched = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> root.match(hostile));

        assertThat(matched).map(Route::receiver).containsExactly("shop");
    }

    @Test
    void shouldNotInheritMuteOrActiveTimeIntervalsLikeAlertmanager() {
        Route root = tree("""
                route:
                  receiver: default
                  routes:
                  - matchers: [team=db]
                    mute_time_intervals: [nights]
                    active_time_intervals: [weekdays]
                    routes:
                    - matchers: [severity=page]
                time_intervals:
                - {name: nights, time_intervals: [{times: [{start_time: '00:00', end_time: '06:00'}]}]}
                - {name: weekdays, time_intervals: [{weekdays: ['monday:friday']}]}
                receivers: [{name: default}]
                """);
        Route parent = root.children().get(0);

        assertThat(parent.options().muteTimeIntervals()).containsExactly("nights");
        assertThat(parent.options().activeTimeIntervals()).containsExactly("weekdays");
        assertThat(parent.children().get(0).options().muteTimeIntervals()).isEmpty();
        assertThat(parent.children().get(0).options().activeTimeIntervals()).isEmpty();
    }

    @Test
    void shouldUseAlertmanagerDefaultsAtTheRoot() {
        Route root = tree("route: {receiver: default}\nreceivers: [{name: default}]\n");

        assertThat(root.options()).isEqualTo(new RouteOptions("default", GroupBy.labels(List.of()),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), List.of(), List.of()));
        assertThat(root.key()).isEqualTo("{}");
        assertThat(root.match(labels("anything=at-all"))).containsExactly(root);
    }

    @Test
    void shouldKeyGroupsByRouteIdAndTheGroupingLabelsTheAlertHas() {
        Route root = tree("""
                route:
                  receiver: default
                  group_by: [alertname, cluster]
                  routes:
                  - {matchers: [severity=page], receiver: pager, group_by: ['...']}
                receivers: [{name: default}, {name: pager}]
                """);

        assertThat(root.groupKey(labels("alertname=Down,instance=a,cluster=eu")))
                .isEqualTo("{}:{alertname=\"Down\", cluster=\"eu\"}");
        assertThat(root.groupKey(labels("instance=a"))).isEqualTo("{}:{}");
        Route pager = root.children().get(0);
        assertThat(pager.groupKey(labels("severity=page,alertname=Down,note=say \"hi\"")))
                .isEqualTo("{}/{severity=\"page\"}/0:{alertname=\"Down\", note=\"say \\\"hi\\\"\", severity=\"page\"}");
    }

    @Test
    void shouldRefuseARootWithoutReceiver() {
        RouteSpec root = new RouteSpec(Optional.empty(), Optional.empty(), Matchers.NONE, false, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> Route.tree(root)).hasMessage("the root route must name a receiver");
    }
}
