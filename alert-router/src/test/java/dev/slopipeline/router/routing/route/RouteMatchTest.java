package dev.slopipeline.router.routing.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.time.Durations;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of Alertmanager's TestRouteMatch, TestRouteMatchers and TestRouteMatchersAndMatch
 * (dispatch/route_test.go): one tree written three ways, the same alerts, the same routes and
 * options; only the printed keys differ, because match_re values print anchored.
 */
class RouteMatchTest {

    private static final String RECEIVERS = """
            receivers:
            - name: notify-def
            - name: notify-A
            - name: notify-testing
            - name: notify-productionA
            - name: notify-productionB
            - name: notify-BC
            """;

    /** With the deprecated match and match_re maps. */
    private static final String WITH_MATCH = """
            route:
              receiver: 'notify-def'
              routes:
              - match:
                  owner: 'team-A'
                receiver: 'notify-A'
                routes:
                - match:
                    env: 'testing'
                  receiver: 'notify-testing'
                  group_by: [...]
                - match:
                    env: "production"
                  receiver: 'notify-productionA'
                  group_wait: 1m
                  continue: true
                - match_re:
                    env: "produ.*"
                    job: ".*"
                  receiver: 'notify-productionB'
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 1h
                  group_by: ['job']
              - match_re:
                  owner: 'team-(B|C)'
                group_by: ['foo', 'bar']
                group_wait: 2m
                receiver: 'notify-BC'
              - match:
                  group_by: 'role'
                group_by: ['role']
                routes:
                - match:
                    env: 'testing'
                  receiver: 'notify-testing'
                  routes:
                  - match:
                      wait: 'long'
                    group_wait: 2m
            """ + RECEIVERS;

    /** With matchers lists, in every spelling Alertmanager accepts: braces, quotes, bare values. */
    private static final String WITH_MATCHERS = """
            route:
              receiver: 'notify-def'
              routes:
              - matchers: ['{owner="team-A"}', '{level!="critical"}']
                receiver: 'notify-A'
                routes:
                - matchers: ['{env="testing"}', '{baz!~".*quux"}']
                  receiver: 'notify-testing'
                  group_by: [...]
                - matchers: ['{env="production"}']
                  receiver: 'notify-productionA'
                  group_wait: 1m
                  continue: true
                - matchers: [ env=~"produ.*", job=~".*"]
                  receiver: 'notify-productionB'
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 1h
                  group_by: ['job']
              - matchers: [owner=~"team-(B|C)"]
                group_by: ['foo', 'bar']
                group_wait: 2m
                receiver: 'notify-BC'
              - matchers: [group_by="role"]
                group_by: ['role']
                routes:
                - matchers: ['{env="testing"}']
                  receiver: 'notify-testing'
                  routes:
                  - matchers: [wait="long"]
                    group_wait: 2m
            """ + RECEIVERS;

    /** Both styles in one tree. */
    private static final String MIXED = """
            route:
              receiver: 'notify-def'
              routes:
              - matchers: ['{owner="team-A"}', '{level!="critical"}']
                receiver: 'notify-A'
                routes:
                - matchers: ['{env="testing"}', '{baz!~".*quux"}']
                  receiver: 'notify-testing'
                  group_by: [...]
                - match:
                    env: "production"
                  receiver: 'notify-productionA'
                  group_wait: 1m
                  continue: true
                - matchers: [ env=~"produ.*", job=~".*"]
                  receiver: 'notify-productionB'
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 1h
                  group_by: ['job']
              - match_re:
                  owner: 'team-(B|C)'
                group_by: ['foo', 'bar']
                group_wait: 2m
                receiver: 'notify-BC'
              - matchers: [group_by="role"]
                group_by: ['role']
                routes:
                - matchers: ['{env="testing"}']
                  receiver: 'notify-testing'
                  routes:
                  - matchers: [wait="long"]
                    group_wait: 2m
            """ + RECEIVERS;

    static Stream<Arguments> withMatch() {
        return Stream.of(
                Arguments.of("owner=team-A", List.of(
                        expect("notify-A", "[]", "30s", "5m", "4h", "{}/{owner=\"team-A\"}"))),
                Arguments.of("owner=team-A,env=unset", List.of(
                        expect("notify-A", "[]", "30s", "5m", "4h", "{}/{owner=\"team-A\"}"))),
                Arguments.of("owner=team-C", List.of(
                        expect("notify-BC", "[foo, bar]", "2m", "5m", "4h", "{}/{owner=~\"^(?:team-(B|C))$\"}"))),
                Arguments.of("owner=team-A,env=testing", List.of(
                        expect("notify-testing", "[...]", "30s", "5m", "4h", "{}/{owner=\"team-A\"}/{env=\"testing\"}"))),
                Arguments.of("owner=team-A,env=production", List.of(
                        expect("notify-productionA", "[]", "1m", "5m", "4h", "{}/{owner=\"team-A\"}/{env=\"production\"}"),
                        expect("notify-productionB", "[job]", "30s", "5m", "1h",
                                "{}/{owner=\"team-A\"}/{env=~\"^(?:produ.*)$\",job=~\"^(?:.*)$\"}"))),
                Arguments.of("group_by=role", List.of(
                        expect("notify-def", "[role]", "30s", "5m", "4h", "{}/{group_by=\"role\"}"))),
                Arguments.of("env=testing,group_by=role", List.of(
                        expect("notify-testing", "[role]", "30s", "5m", "4h", "{}/{group_by=\"role\"}/{env=\"testing\"}"))),
                Arguments.of("env=testing,group_by=role,wait=long", List.of(
                        expect("notify-testing", "[role]", "2m", "5m", "4h",
                                "{}/{group_by=\"role\"}/{env=\"testing\"}/{wait=\"long\"}"))));
    }

    static Stream<Arguments> withMatchers() {
        String teamA = "{}/{level!=\"critical\",owner=\"team-A\"}";
        return Stream.of(
                Arguments.of("owner=team-A", List.of(
                        expect("notify-A", "[]", "30s", "5m", "4h", teamA))),
                Arguments.of("owner=team-A,env=unset", List.of(
                        expect("notify-A", "[]", "30s", "5m", "4h", teamA))),
                Arguments.of("owner=team-C", List.of(
                        expect("notify-BC", "[foo, bar]", "2m", "5m", "4h", "{}/{owner=~\"team-(B|C)\"}"))),
                Arguments.of("owner=team-A,env=testing", List.of(
                        expect("notify-testing", "[...]", "30s", "5m", "4h", teamA + "/{baz!~\".*quux\",env=\"testing\"}"))),
                Arguments.of("owner=team-A,env=production", List.of(
                        expect("notify-productionA", "[]", "1m", "5m", "4h", teamA + "/{env=\"production\"}"),
                        expect("notify-productionB", "[job]", "30s", "5m", "1h", teamA + "/{env=~\"produ.*\",job=~\".*\"}"))),
                Arguments.of("group_by=role", List.of(
                        expect("notify-def", "[role]", "30s", "5m", "4h", "{}/{group_by=\"role\"}"))),
                Arguments.of("env=testing,group_by=role", List.of(
                        expect("notify-testing", "[role]", "30s", "5m", "4h", "{}/{group_by=\"role\"}/{env=\"testing\"}"))),
                Arguments.of("env=testing,group_by=role,wait=long", List.of(
                        expect("notify-testing", "[role]", "2m", "5m", "4h",
                                "{}/{group_by=\"role\"}/{env=\"testing\"}/{wait=\"long\"}"))));
    }

    static Stream<Arguments> mixed() {
        return withMatchers().map(arguments -> {
            @SuppressWarnings("unchecked")
            List<Expected> expected = (List<Expected>) arguments.get()[1];
            return Arguments.of(arguments.get()[0], expected.stream()
                    .map(e -> e.receiver().equals("notify-BC")
                            ? new Expected(e.receiver(), e.groupBy(), e.groupWait(), e.groupInterval(), e.repeatInterval(),
                                    "{}/{owner=~\"^(?:team-(B|C))$\"}")
                            : e)
                    .toList());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withMatch")
    void shouldRouteLikeAlertmanagerWithMatchMaps(String labels, List<Expected> expected) {
        assertRoutes(WITH_MATCH, labels, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withMatchers")
    void shouldRouteLikeAlertmanagerWithMatchersLists(String labels, List<Expected> expected) {
        assertRoutes(WITH_MATCHERS, labels, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mixed")
    void shouldRouteLikeAlertmanagerWithBothStyles(String labels, List<Expected> expected) {
        assertRoutes(MIXED, labels, expected);
    }

    private static void assertRoutes(String yaml, String labels, List<Expected> expected) {
        RouterConfig config = RouterConfigLoader.parse("alertmanager.yml", yaml).orElseThrow();

        List<Route> matched = config.route().match(labels(labels));

        assertThat(matched).map(Expected::of).containsExactlyElementsOf(expected);
    }

    static Map<String, String> labels(String commaSeparated) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(commaSeparated.split(",")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            String[] nameValue = pair.split("=", 2);
            labels.put(nameValue[0], nameValue[1]);
        });
        return labels;
    }

    private static Expected expect(String receiver, String groupBy, String wait, String interval, String repeat, String key) {
        return new Expected(receiver, groupBy, Durations.parse(wait), Durations.parse(interval),
                Durations.parse(repeat), key);
    }

    record Expected(String receiver, String groupBy, Duration groupWait, Duration groupInterval,
                    Duration repeatInterval, String key) {

        static Expected of(Route route) {
            RouteOptions o = route.options();
            return new Expected(o.receiver(), o.groupBy().toString(), o.groupWait(), o.groupInterval(), o.repeatInterval(),
                    route.key());
        }
    }
}
