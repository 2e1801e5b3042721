package dev.slopipeline.router.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.kit.yaml.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One broken config per rule, and exactly what the user is told, where. */
class RouterConfigValidationTest {

    static Stream<Arguments> brokenConfigs() {
        return Stream.of(
                broken("no route", """
                        receivers: [{name: a}]
                        """,
                        "am.yml:1:1: the router config has no \"route\": add the root of the routing tree with the receiver"
                                + " for alerts no other route catches, e.g. route: {receiver: <name>}"),
                broken("root route without receiver", """
                        route:
                          group_wait: 1m
                        receivers: [{name: a}]
                        """,
                        "am.yml:2:3: the root route must name a default receiver (receiver: <name>): alerts that no child"
                                + " route catches go there"),
                broken("root route with matchers", """
                        route:
                          receiver: a
                          match: {severity: page}
                        receivers: [{name: a}]
                        """,
                        "am.yml:3:3: the root route must not have \"match\": every alert enters the tree there; put the"
                                + " condition on a child route under \"routes\""),
                broken("continue on the root route", """
                        route:
                          receiver: a
                          continue: true
                        receivers: [{name: a}]
                        """,
                        "am.yml:3:3: the root route cannot have \"continue: true\": it has no siblings"),
                broken("time intervals on the root route", """
                        route:
                          receiver: a
                          active_time_intervals: [office]
                        receivers: [{name: a}]
                        time_intervals: [{name: office}]
                        """,
                        "am.yml:3:3: the root route must not have \"active_time_intervals\"; put it on the child routes"
                                + " that should be muted or active at those times"),
                broken("zero group_interval", """
                        route:
                          receiver: a
                          routes:
                          - group_interval: 0s
                        receivers: [{name: a}]
                        """,
                        "am.yml:4:21: \"group_interval\" in route.routes[0] cannot be zero: it is the time between"
                                + " notifications about a changed group; write e.g. 5m or 4h"),
                broken("zero repeat_interval", """
                        route:
                          receiver: a
                          repeat_interval: 0
                        receivers: [{name: a}]
                        """,
                        "am.yml:3:20: \"repeat_interval\" in route cannot be zero: it is the time before an unchanged group"
                                + " is notified again; write e.g. 5m or 4h"),
                broken("undefined receiver", """
                        route:
                          receiver: a
                          routes:
                          - receiver: pagr
                          - receiver: zzz
                        receivers: [{name: a}, {name: pager}]
                        """,
                        "am.yml:4:15: unknown receiver \"pagr\" in route.routes[0]; did you mean \"pager\"?",
                        "am.yml:5:15: unknown receiver \"zzz\" in route.routes[1]; the receivers are: a, pager"),
                broken("undefined time interval", """
                        route:
                          receiver: a
                          routes:
                          - mute_time_intervals: [nigths]
                        receivers: [{name: a}]
                        time_intervals: [{name: nights}]
                        """,
                        "am.yml:4:27: unknown time interval \"nigths\" in \"mute_time_intervals\" in route.routes[0];"
                                + " did you mean \"nights\"?"),
                broken("duplicate receiver name", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                        - name: a
                        """,
                        "am.yml:4:9: receiver name \"a\" is already used at line 3; receiver names must be unique"),
                broken("duplicate time interval name, across both sections", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        mute_time_intervals: [{name: nights}]
                        time_intervals: [{name: nights}]
                        """,
                        "am.yml:4:25: time interval name \"nights\" is already used at line 3; time interval names must be unique"),
                broken("'...' with other labels in group_by", """
                        route:
                          receiver: a
                          group_by: ['...', alertname]
                        receivers: [{name: a}]
                        """,
                        "am.yml:3:3: \"...\" (group by every label) must be the only entry of \"group_by\" in route;"
                                + " remove the other labels or the \"...\""),
                broken("a label twice in group_by", """
                        route:
                          receiver: a
                          group_by: [alertname, alertname]
                        receivers: [{name: a}]
                        """,
                        "am.yml:3:25: label \"alertname\" appears twice in \"group_by\" in route"),
                broken("invalid matcher", """
                        route:
                          receiver: a
                          routes:
                          - matchers: ['team=~"pay(.*"']
                        receivers: [{name: a}]
                        """,
                        "am.yml:4:16: invalid matcher 'team=~\"pay(.*\"' in \"matchers\" in route.routes[0]: character 7:"
                                + " invalid regular expression \"pay(.*\": missing closing )"),
                broken("invalid label name in match", """
                        route:
                          receiver: a
                          routes:
                          - match: {1abc: x}
                        receivers: [{name: a}]
                        """,
                        "am.yml:4:13: invalid label name \"1abc\" in \"match\" in route.routes[0]: label names start with"
                                + " a letter or \"_\" and contain only letters, digits and \"_\""),
                broken("invalid regex in match_re", """
                        route:
                          receiver: a
                          routes:
                          - match_re: {team: 'pay(.*'}
                        receivers: [{name: a}]
                        """,
                        "am.yml:4:22: \"team\" in \"match_re\" in route.routes[0]: invalid regular expression \"pay(.*\":"
                                + " missing closing )"),
                broken("regex only Java accepts in match_re", """
                        route:
                          receiver: a
                          routes:
                          - match_re: {team: 'pay(?=ments)'}
                        receivers: [{name: a}]
                        """,
                        "am.yml:4:22: \"team\" in \"match_re\" in route.routes[0]: invalid regular expression"
                                + " \"pay(?=ments)\": invalid or unsupported Perl syntax: `(?=` (Go's RE2 syntax, as in"
                                + " Prometheus and Alertmanager, has no look-around)"),
                broken("invalid duration", """
                        route:
                          receiver: a
                          group_wait: 1.5m
                        receivers: [{name: a}]
                        """,
                        "am.yml:3:15: \"group_wait\" in route: \"1.5m\" is not a duration: write whole numbers with units"
                                + " y, w, d, h, m, s or ms, largest first, e.g. 30s, 5m, 4h or 1h30m (no fractions: 1.5h is 1h30m)"),
                broken("misspelt field", """
                        route:
                          receiver: a
                          routes:
                          - reciever: a
                        receivers: [{name: a}]
                        """,
                        "am.yml:4:5: unknown field \"reciever\" in route.routes[0]; did you mean \"receiver\"?"),
                broken("receiver without name", """
                        route: {receiver: a}
                        receivers: [{name: a}, {webhook_configs: [{url: 'http://hooks.example'}]}]
                        """,
                        "am.yml:2:24: receivers[1] is missing the required field \"name\""),
                broken("unsupported channel type", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          email_configs: [{to: oncall@example.com}]
                        """,
                        "am.yml:4:3: \"email_configs\" in receiver \"a\" is an Alertmanager channel that slo-pipeline"
                                + " does not deliver to yet; use webhook_configs, slack_configs and pagerduty_configs"),
                broken("unknown channel type", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          slak_configs: [{channel: '#ops'}]
                        """,
                        "am.yml:4:3: unknown field \"slak_configs\" in receivers[0]; did you mean \"slack_configs\"?"),
                broken("webhook without url", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          webhook_configs: [{send_resolved: false}]
                        """,
                        "am.yml:4:21: webhook_configs[0] of receiver \"a\" is missing the required field \"url\" (or \"url_file\")"),
                broken("webhook url that is not http", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          webhook_configs: [{url: 'ftp://files.example/alerts'}]
                        """,
                        "am.yml:4:27: \"url\" in webhook_configs[0] of receiver \"a\" must be an http or https URL with"
                                + " a host, e.g. https://hooks.example.com/alerts, got \"ftp://files.example/<secret>\""),
                broken("negative max_alerts", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          webhook_configs: [{url: 'http://hooks.example', max_alerts: -1}]
                        """,
                        "am.yml:4:63: \"max_alerts\" in webhook_configs[0] of receiver \"a\" must be 0 (all alerts) or a"
                                + " positive number, got -1"),
                broken("slack without any api_url", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          slack_configs: [{channel: '#ops'}]
                        """,
                        "am.yml:4:19: slack_configs[0] of receiver \"a\" has no \"api_url\" (or \"api_url_file\") and"
                                + " there is no \"slack_api_url\" (or \"slack_api_url_file\") in \"global\"; set one of them"
                                + " to the Slack incoming webhook URL"),
                broken("pagerduty with an Events API v1 service_key", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          pagerduty_configs: [{service_key: abc}]
                        """,
                        "am.yml:4:24: \"service_key\" in pagerduty_configs[0] of receiver \"a\" is for PagerDuty's"
                                + " Prometheus integration (Events API v1); slo-pipeline uses Events API v2: write the"
                                + " integration key as \"routing_key\""),
                broken("pagerduty without routing_key", """
                        route: {receiver: a}
                        receivers:
                        - name: a
                          pagerduty_configs: [{severity: critical}]
                        """,
                        "am.yml:4:23: pagerduty_configs[0] of receiver \"a\" is missing the required field \"routing_key\""
                                + " (or \"routing_key_file\")"),
                broken("time range across midnight", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        time_intervals:
                        - name: nights
                          time_intervals: [{times: [{start_time: '22:00', end_time: '06:00'}]}]
                        """,
                        "am.yml:5:29: \"start_time\" must be before \"end_time\" in times[0] of time_intervals[0] of time"
                                + " interval \"nights\"; for a period across midnight write two ranges, one ending at 24:00"
                                + " and one starting at 00:00"),
                broken("time of day not HH:MM", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        time_intervals:
                        - name: office
                          time_intervals: [{times: [{start_time: 9am, end_time: '17:00'}]}]
                        """,
                        "am.yml:5:42: \"start_time\" in times[0] of time_intervals[0] of time interval \"office\" must be"
                                + " a time of day as HH:MM from 00:00 to 24:00, got \"9am\""),
                broken("weekday range across the weekend", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        time_intervals:
                        - name: weekend
                          time_intervals: [{weekdays: ['saturday:sunday']}]
                        """,
                        "am.yml:5:32: \"saturday:sunday\" in \"weekdays\" in time_intervals[0] of time interval \"weekend\":"
                                + " the range ends before it starts; weeks run from sunday to saturday, so write two ranges,"
                                + " e.g. friday:saturday and sunday:monday"),
                broken("day of month zero", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        time_intervals:
                        - name: month-start
                          time_intervals: [{days_of_month: ['0:5']}]
                        """,
                        "am.yml:5:37: \"0:5\" in \"days_of_month\" in time_intervals[0] of time interval \"month-start\":"
                                + " 0 is not a day of the month: use 1 to 31, or -1 to -31 to count from the end"),
                broken("unknown month", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        time_intervals:
                        - name: summer
                          time_intervals: [{months: ['june:agust']}]
                        """,
                        "am.yml:5:30: \"june:agust\" in \"months\" in time_intervals[0] of time interval \"summer\":"
                                + " \"agust\" is not a month: write january to december, or 1 to 12"),
                broken("unknown time zone", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        time_intervals:
                        - name: office
                          time_intervals: [{weekdays: ['monday:friday'], location: Europe/Berlni}]
                        """,
                        "am.yml:5:60: unknown time zone \"Europe/Berlni\" in \"location\" in time_intervals[0] of time"
                                + " interval \"office\"; use an IANA name such as Europe/Berlin, or UTC or Local"),
                broken("invalid inhibit rule matcher", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        inhibit_rules:
                        - source_matchers: ['severity="critical"']
                          target_matchers: ['severity=~"warn(ing"']
                          equal: [alertname]
                        """,
                        "am.yml:5:21: invalid matcher 'severity=~\"warn(ing\"' in \"target_matchers\" in inhibit_rules[0]:"
                                + " character 11: invalid regular expression \"warn(ing\": missing closing )"),
                broken("YAML syntax", """
                        route: {receiver: a
                        """,
                        "am.yml:2:1: YAML syntax: expected ',' or '}', but got <stream end> (while parsing a flow mapping)"),
                broken("empty file", "\n",
                        "am.yml:1:1: the router config is empty: it needs a \"route\" with a default receiver and the"
                                + " \"receivers\" it names"),
                broken("two documents", """
                        route: {receiver: a}
                        receivers: [{name: a}]
                        ---
                        route: {receiver: b}
                        """,
                        "am.yml:4:1: a router config is a single YAML document; remove this \"---\" document"));
    }

    private static Arguments broken(String rule, String yaml, String... problems) {
        return Arguments.of(rule, yaml, List.of(problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigs")
    void shouldReportEachBrokenRuleWhereItIsBroken(String rule, String yaml, List<String> expected) {
        LoadedConfig loaded = RouterConfigLoader.parse("am.yml", yaml);

        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).map(Problem::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReportEveryProblemAtOnceInLineOrder() {
        LoadedConfig loaded = RouterConfigLoader.parse("am.yml", """
                route:
                  receiver: missing
                  group_wait: soon
                receivers:
                - name: a
                  webhook_configs: [{}]
                """);

        assertThat(loaded.problems()).map(Problem::toString).containsExactly(
                "am.yml:2:13: unknown receiver \"missing\" in route; the receivers are: a",
                "am.yml:3:15: \"group_wait\" in route: \"soon\" is not a duration: write whole numbers with units y, w, d,"
                        + " h, m, s or ms, largest first, e.g. 30s, 5m, 4h or 1h30m (each unit at most once, largest first)",
                "am.yml:6:21: webhook_configs[0] of receiver \"a\" is missing the required field \"url\" (or \"url_file\")");
        assertThatThrownBy(loaded::orElseThrow).hasMessage(String.join("\n",
                loaded.problems().stream().map(Problem::toString).toList()));
    }

    @Test
    void shouldLoadWithWarningsForWhatItIgnoresOrReadsTheClassicWay() {
        LoadedConfig loaded = RouterConfigLoader.parse("am.yml", """
                global:
                  smtp_smarthost: 'localhost:25'
                templates: ['/etc/alertmanager/*.tmpl']
                route:
                  receiver: a
                  routes:
                  - matchers: [env=]
                    group_by: []
                receivers:
                - name: a
                  webhook_configs: [{url: 'http://hooks.example/a', http_config: {follow_redirects: true}}]
                """);
        // Alertmanager refuses conditions on the root route, not empty lists of them.
        assertThat(RouterConfigLoader.parse("am.yml", "route: {receiver: a, matchers: [], mute_time_intervals: []}\n"
                + "receivers: [{name: a}]\n").problems()).isEmpty();

        assertThat(loaded.config()).isPresent();
        assertThat(loaded.problems()).map(Problem::toString).containsExactly(
                "am.yml:2:3: warning: \"smtp_smarthost\" in global is not supported by slo-pipeline yet and is ignored",
                "am.yml:3:1: warning: \"templates\" in the router config is not supported by slo-pipeline yet and is ignored",
                "am.yml:7:16: warning: matcher 'env=' uses the classic syntax that Alertmanager is phasing out;"
                        + " it is read as env=\"\", write it that way (double-quote values and regular expressions)",
                "am.yml:8:5: warning: \"group_by: []\" in route.routes[0] does not clear grouping: as in Alertmanager, the"
                        + " route keeps its parent's group_by",
                "am.yml:11:53: warning: \"http_config\" in webhook_configs[0] of receiver \"a\" is not supported by"
                        + " slo-pipeline yet and is ignored");
    }
}
