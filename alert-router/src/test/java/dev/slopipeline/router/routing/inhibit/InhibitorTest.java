package dev.slopipeline.router.routing.inhibit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.matcher.MatchType;
import dev.slopipeline.router.routing.matcher.Matcher;
import dev.slopipeline.router.routing.matcher.Matchers;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InhibitorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static Matchers equal(String... nameValues) {
        Matcher[] matchers = new Matcher[nameValues.length / 2];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = Matcher.of(MatchType.EQUAL, nameValues[2 * i], nameValues[2 * i + 1]);
        }
        return Matchers.of(Arrays.asList(matchers));
    }

    static InhibitRule rule(Matchers source, Matchers target, String... equal) {
        return new InhibitRule(Optional.empty(), source, target, List.of(equal));
    }

    static LabelledAlert firing(String... nameValues) {
        return new LabelledAlert(labels(nameValues), Map.of(), T0, null, T0);
    }

    static LabelledAlert resolved(String... nameValues) {
        return new LabelledAlert(labels(nameValues), Map.of(), T0, T0.plusSeconds(60), T0.plusSeconds(60));
    }

    private static Map<String, String> labels(String... nameValues) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            labels.put(nameValues[i], nameValues[i + 1]);
        }
        return labels;
    }

    private static final InhibitRule PAGE_HIDES_TICKET =
            rule(equal("severity", "page"), equal("severity", "ticket"), "slo");
    private static final InhibitRule BY_CLUSTER =
            rule(equal("alertname", "ClusterDown"), equal("severity", "ticket"), "cluster");
    /** Both sides select the same kind of alert: Alertmanager's self-inhibition guard decides. */
    private static final InhibitRule TWO_SIDED = rule(equal("s", "1"), equal("t", "1"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a firing page hides the ticket of its SLO", PAGE_HIDES_TICKET,
                        List.of(firing("severity", "page", "slo", "a")), firing("severity", "ticket", "slo", "a"), true),
                Arguments.of("but not the ticket of another SLO", PAGE_HIDES_TICKET,
                        List.of(firing("severity", "page", "slo", "a")), firing("severity", "ticket", "slo", "b"), false),
                Arguments.of("a resolved page hides nothing", PAGE_HIDES_TICKET,
                        List.of(resolved("severity", "page", "slo", "a")), firing("severity", "ticket", "slo", "a"), false),
                Arguments.of("only targets are inhibited", PAGE_HIDES_TICKET,
                        List.of(firing("severity", "page", "slo", "a")), firing("severity", "notify", "slo", "a"), false),
                Arguments.of("an equal label missing on both sides counts as equal", BY_CLUSTER,
                        List.of(firing("alertname", "ClusterDown")), firing("severity", "ticket"), true),
                Arguments.of("missing on one side only is not equal", BY_CLUSTER,
                        List.of(firing("alertname", "ClusterDown", "cluster", "eu")), firing("severity", "ticket"), false),
                Arguments.of("an empty value equals a missing label", BY_CLUSTER,
                        List.of(firing("alertname", "ClusterDown", "cluster", "")), firing("severity", "ticket"), true),
                Arguments.of("an alert matching both sides does not inhibit itself", TWO_SIDED,
                        List.of(firing("s", "1", "t", "1")), firing("s", "1", "t", "1"), false),
                Arguments.of("nor is it inhibited by another alert matching both sides", TWO_SIDED,
                        List.of(firing("s", "1", "t", "1", "x", "2")), firing("s", "1", "t", "1"), false),
                Arguments.of("but a source-only alert inhibits it", TWO_SIDED,
                        List.of(firing("s", "1")), firing("s", "1", "t", "1"), true),
                Arguments.of("and a two-sided alert inhibits a target-only alert", TWO_SIDED,
                        List.of(firing("s", "1", "t", "1")), firing("t", "1"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldInhibitAsAlertmanagerDoes(String why, InhibitRule rule, List<LabelledAlert> alerts,
                                         LabelledAlert target, boolean inhibited) {
        List<LabelledAlert> known = Stream.concat(alerts.stream(), Stream.of(target)).toList();

        List<Fingerprint> sources = new Inhibitor(List.of(rule)).inhibitedBy(target.labels(), known);

        assertThat(!sources.isEmpty()).as(why).isEqualTo(inhibited);
    }

    @Test
    void shouldNameEveryInhibitingAlertOnceInFingerprintOrder() {
        LabelledAlert page = firing("severity", "page", "slo", "a");
        LabelledAlert down = firing("alertname", "ClusterDown", "slo", "a");
        LabelledAlert ticket = firing("severity", "ticket", "slo", "a");
        InhibitRule pageOrDown = rule(Matchers.of(List.of(Matcher.of(MatchType.REGEX, "severity", "page|"))),
                equal("severity", "ticket"), "slo");

        List<Fingerprint> sources = new Inhibitor(List.of(PAGE_HIDES_TICKET, BY_CLUSTER, pageOrDown))
                .inhibitedBy(ticket.labels(), List.of(page, down, ticket));

        assertThat(sources).containsExactlyElementsOf(
                Stream.of(page, down).map(LabelledAlert::fingerprint).sorted().toList());
    }
}
