package dev.slopipeline.router.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.router.delivery.PagerdutyConfig;
import dev.slopipeline.router.delivery.SlackConfig;
import dev.slopipeline.router.delivery.WebhookConfig;
import dev.slopipeline.router.routing.inhibit.InhibitRule;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.Period;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.Range;
import dev.slopipeline.router.routing.timeinterval.TimeInterval.TimeRange;
import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouterConfigLoaderTest {

    private static LoadedConfig loaded;
    private static RouterConfig config;

    @BeforeAll
    static void loadExample() throws URISyntaxException {
        Path file = Path.of(RouterConfigLoaderTest.class.getResource("/routing/slo-router.yml").toURI());
        loaded = RouterConfigLoader.load(file);
        config = loaded.orElseThrow();
    }

    @Test
    void shouldLoadTheExampleWithoutProblems() {
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void shouldReadGlobalSettingsWithDefaultsForWhatIsNotWritten() {
        assertThat(config.global()).isEqualTo(new GlobalConfig(Duration.ofMinutes(10),
                Optional.of(URI.create("https://hooks.slack.example/services/T000/B000/XXXX")),
                URI.create("https://events.pagerduty.com/v2/enqueue")));
    }

    @Test
    void shouldReadEachChannelWithAlertmanagerDefaults() {
        assertThat(config.receiver("sre-tickets").orElseThrow().channels()).containsExactly(
                new WebhookConfig(URI.create("http://tickets.internal:8080/hooks/alertmanager"), true, 50,
                        Optional.empty()));
        assertThat(config.receiver("audit-log").orElseThrow().channels()).containsExactly(
                new WebhookConfig(URI.create("https://audit.internal/alerts"), false, 0, Optional.empty()));
        assertThat(config.receiver("payments-pager").orElseThrow().channels()).containsExactly(
                new PagerdutyConfig(Secret.inline("0123456789abcdef0123456789abcdef"), URI.create("https://events.pagerduty.com/v2/enqueue"),
                        Optional.of("critical"), true));
        assertThat(config.receiver("shop-pager").orElseThrow().channels()).containsExactly(
                new PagerdutyConfig(Secret.inline("fedcba9876543210fedcba9876543210"),
                        URI.create("https://events.eu.pagerduty.com/v2/enqueue"), Optional.empty(), true));
        assertThat(config.receiver("team-slack").orElseThrow().channels()).containsExactly(
                new SlackConfig(URI.create("https://hooks.slack.example/services/T000/B000/XXXX"), Optional.of("#slo-tickets"), false));
        assertThat(config.receiver("payments-slack").orElseThrow().channels()).containsExactly(
                new SlackConfig(URI.create("https://hooks.slack.example/services/T000/B111/YYYY"), Optional.of("#payments"), true));
    }

    @Test
    void shouldCombineBothStylesOfInhibitionMatchers() {
        assertThat(config.inhibitRules()).hasSize(2);
        InhibitRule named = config.inhibitRules().get(0);
        assertThat(named.name()).contains("page-hides-ticket");
        assertThat(named.source()).hasToString("{severity=\"page\"}");
        assertThat(named.target()).hasToString("{severity=\"ticket\"}");
        assertThat(named.equal()).containsExactly("slo");
        InhibitRule old = config.inhibitRules().get(1);
        assertThat(old.name()).isEmpty();
        assertThat(old.source()).hasToString("{alertname=\"ClusterDown\"}");
        assertThat(old.target()).hasToString("{alertname=~\"^(?:.+)$\"}");
        assertThat(old.target()).isNotEqualTo(Matchers.NONE);
    }

    @Test
    void shouldReadTimeIntervalsAsRangesInTheirZone() {
        assertThat(config.timeInterval("business-hours").orElseThrow().periods()).containsExactly(new Period(
                List.of(new TimeRange(9 * 60, 17 * 60 + 30)), List.of(new Range(1, 5)), List.of(), List.of(), List.of(),
                ZoneId.of("Europe/Berlin")));
        assertThat(config.timeInterval("maintenance").orElseThrow().periods()).containsExactly(new Period(
                List.of(), List.of(), List.of(new Range(1, 1), new Range(-1, -1)), List.of(new Range(1, 3), new Range(12, 12)),
                List.of(new Range(2026, 2026)), ZoneOffset.UTC));
    }

    @Test
    void shouldBuildTheRoutingTree() {
        assertThat(config.route().stream().map(r -> r.id() + " " + r.receiver())).containsExactly(
                "{} sre-tickets",
                "{}/{severity=\"page\"}/0 audit-log",
                "{}/{severity=\"page\",team=~\"pay.*\"}/1 payments-pager",
                "{}/{severity=\"page\",team=\"shop\"}/2 shop-pager",
                "{}/{severity=\"ticket\"}/3 team-slack",
                "{}/{severity=\"ticket\"}/3/{team=\"payments\"}/0 payments-slack");
    }
}
