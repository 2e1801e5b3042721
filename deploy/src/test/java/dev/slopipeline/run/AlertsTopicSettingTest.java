package dev.slopipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slopipeline.kit.config.ConfigLayers;
import org.junit.jupiter.api.Test;

/** In {@code slo run} the router reads the alerts the streams app writes, wherever they are written. */
class AlertsTopicSettingTest {

    @Test
    void shouldHaveTheRouterReadTheTopicTheStreamsAppWritesItsAlertsTo() {
        RunSettings renamed = RunSettings.from(new ConfigLayers().flag("topics.alerts", "team-a.alerts", "-s"));

        assertThat(renamed.streams().topics().alerts()).isEqualTo("team-a.alerts");
        assertThat(renamed.router().topics().alerts()).isEqualTo("team-a.alerts");
    }

    @Test
    void shouldKeepTheDefaultAndAnExplicitRouterTopic() {
        assertThat(RunSettings.from(new ConfigLayers()).router().topics().alerts()).isEqualTo("slo.alerts");

        RunSettings split = RunSettings.from(new ConfigLayers().flag("topics.alerts", "team-a.alerts", "-s")
                .flag("router.topics.alerts", "merged.alerts", "-s"));

        assertThat(split.router().topics().alerts()).isEqualTo("merged.alerts");
    }
}
