package dev.slopipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** What a user writing a scenario gets: the phases as written, and every mistake with where it is. */
class ScenarioReaderTest {

    @Test
    void shouldReadTheBundledIncidentScenario() {
        Scenario scenario = Demo.defaultScenario();

        assertThat(scenario.history()).isEqualTo(Duration.ofDays(1));
        assertThat(scenario.speed()).hasValue(60);
        assertThat(scenario.timeOfDay()).isEqualTo(LocalTime.of(13, 0));
        assertThat(scenario.phases()).extracting(Scenario.Phase::name).containsExactly("business as usual",
                "a cache node flaps (component health only; must not page)", "the payment provider fails checkout charges",
                "recovered");
        Scenario.Phase incident = scenario.phaseAt(Duration.ofMinutes(30)).orElseThrow();
        Scenario.RequestStream charges = scenario.requests().stream()
                .filter(s -> s.operation().equals("POST /charge")).findFirst().orElseThrow();
        assertThat(incident.apply(charges).errorRate()).isEqualTo(0.3);
        assertThat(scenario.phaseAt(Duration.ofMinutes(105))).isEmpty();
    }

    @Test
    void shouldApplyTheLastMatchingChangeAndFlapByTurns() {
        Scenario scenario = ScenarioReader.parse("s.yml", """
                traffic:
                  requests:
                    - {service: api, operation: GET /a, perMinute: 60}
                    - {service: api, operation: GET /b, perMinute: 60, slowRate: 0.1}
                  health:
                    - {service: api, check: ping}
                phases:
                  - name: broken
                    duration: 5m
                    requests:
                      - {service: api, errorRate: 0.5}
                      - {service: api, operation: GET /b, errorRate: 0.2}
                    health:
                      - {service: api, status: flap}
                """);

        Scenario.Phase broken = scenario.phases().get(0);
        Scenario.HealthMode mode = broken.modeOf(scenario.health().get(0)).orElseThrow();

        assertThat(broken.apply(scenario.requests().get(0)).errorRate()).isEqualTo(0.5);
        assertThat(broken.apply(scenario.requests().get(1))).satisfies(b -> {
            assertThat(b.errorRate()).isEqualTo(0.2);
            assertThat(b.slowRate()).isEqualTo(0.1);
        });
        assertThat(mode.statusOf(1).wireName()).isEqualTo("pass");
        assertThat(mode.statusOf(2).wireName()).isEqualTo("fail");
    }

    @Test
    void shouldStartTheShopsDayWhereTheScenarioSaysWithQuotesOrWithout() {
        String phases = """
                traffic:
                  requests:
                    - {service: api, operation: GET /a, perMinute: 60}
                phases:
                  - {name: calm, duration: 5m}
                """;

        assertThat(ScenarioReader.parse("s.yml", "timeOfDay: \"19:30\"\n" + phases).timeOfDay()).isEqualTo(LocalTime.of(19, 30));
        assertThat(ScenarioReader.parse("s.yml", "timeOfDay: 07:05\n" + phases).timeOfDay()).isEqualTo(LocalTime.of(7, 5));
        assertThat(ScenarioReader.parse("s.yml", phases).timeOfDay()).isEqualTo(Scenario.DEFAULT_TIME_OF_DAY);
        assertThatThrownBy(() -> ScenarioReader.parse("s.yml", "timeOfDay: \"25:00\"\n" + phases))
                .hasMessageContaining("s.yml:1:1: \"timeOfDay\" in the scenario must be a time of day as HH:MM");
    }

    @Test
    void shouldReportEveryMistakeWithFileLineAndColumn() {
        assertThatThrownBy(() -> ScenarioReader.parse("bad.yml", """
                speed: 0
                traffic:
                  requests:
                    - {service: api, operation: GET /, perMinut: 60, errorRate: 2}
                phases:
                  - name: oops
                    duration: 30s
                    health:
                      - {service: api, status: broken}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.yml:1:8: \"speed\" in the scenario must be within 1..100000, got 0")
                .hasMessageContaining("bad.yml:4:7: entry 1 of \"requests\" in \"traffic\" is missing the required field \"perMinute\"")
                .hasMessageContaining("unknown field \"perMinut\"")
                .hasMessageContaining("\"errorRate\"")
                .hasMessageContaining("bad.yml:7:15:")
                .hasMessageContaining("must be pass, warn, fail or flap");
    }
}
