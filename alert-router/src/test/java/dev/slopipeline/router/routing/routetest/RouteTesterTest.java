package dev.slopipeline.router.routing.routetest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.route.Route;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code slo route test --config FILE label=value...} prints, as amtool would. */
class RouteTesterTest {

    private static Route example;

    @BeforeAll
    static void loadExample() throws URISyntaxException {
        example = RouterConfigLoader.load(Path.of(RouteTesterTest.class.getResource("/routing/slo-router.yml").toURI()))
                .orElseThrow().route();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        // nothing but the root matches: the root's receiver alone
        "alertname=SloBurn;                          sre-tickets",
        "'';                                         sre-tickets",
        // continue: the audit log first, then the first page route that matches
        "severity=page,team=payments;                audit-log,payments-pager",
        "severity=page,team=shop;                    audit-log,shop-pager",
        // a page no team route catches stops at the audit log
        "severity=page,team=search;                  audit-log",
        // a child that matches replaces its parent; one that does not leaves it
        "severity=ticket,team=payments;              payments-slack",
        "severity=ticket,team=shop;                  team-slack",
        // anchored regex: team=~"pay.*" does not catch "repay"
        "severity=page,team=repay;                   audit-log",
    })
    void shouldPrintTheReceiversCommaJoinedInTreeOrder(String arguments, String expected) {
        List<String> args = arguments.isEmpty() ? List.of() : List.of(arguments.split(","));

        String printed = RouteTester.receivers(example, LabelArguments.parse(args).labels());

        assertThat(printed).isEqualTo(expected);
    }

    @Test
    void shouldAnswerAmtoolsOwnRoutingTestCases() {
        // cli/testdata/conf.routing.yml and conf.routing-reverted.yml of Alertmanager
        Route routing = load("""
                route:
                  receiver: default
                  routes:
                    - {match_re: {test: '^[12]$'}, receiver: test1, continue: true}
                    - {match: {test: 2}, receiver: test2}
                receivers: [{name: default}, {name: test1}, {name: test2}]
                """);
        Route reverted = load("""
                route:
                  receiver: default
                  routes:
                    - {match: {test: 2}, receiver: test2, continue: true}
                    - {match_re: {test: '^[12]$'}, receiver: test1, continue: true}
                receivers: [{name: default}, {name: test1}, {name: test2}]
                """);

        assertThat(RouteTester.receivers(routing, LabelArguments.parse(List.of("test=1")).labels())).isEqualTo("test1");
        assertThat(RouteTester.receivers(routing, LabelArguments.parse(List.of("test=2")).labels())).isEqualTo("test1,test2");
        assertThat(RouteTester.receivers(reverted, LabelArguments.parse(List.of("test=2")).labels())).isEqualTo("test2,test1");
        assertThat(RouteTester.receivers(routing, LabelArguments.parse(List.of("test=volovina")).labels())).isEqualTo("default");
    }

    @Test
    void shouldRepeatAReceiverReachedByTwoRoutes() {
        Route tree = load("""
                route:
                  receiver: default
                  routes:
                  - {matchers: [a=1], receiver: ops, continue: true}
                  - {matchers: [b=2], receiver: ops}
                receivers: [{name: default}, {name: ops}]
                """);

        assertThat(RouteTester.receivers(tree, LabelArguments.parse(List.of("a=1", "b=2")).labels())).isEqualTo("ops,ops");
    }

    private static Route load(String yaml) {
        return RouterConfigLoader.parse("test.yml", yaml).orElseThrow().route();
    }
}
