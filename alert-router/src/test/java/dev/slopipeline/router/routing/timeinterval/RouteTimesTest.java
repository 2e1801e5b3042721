package dev.slopipeline.router.routing.timeinterval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.routing.route.RouteOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mute and active time intervals of routes, read from a config as Alertmanager users write them. */
class RouteTimesTest {

    private static final RouterConfig CONFIG = RouterConfigLoader.parse("router.yml", """
            route:
              receiver: default
              routes:
              - matchers: [severity="ticket"]
                receiver: tickets
                mute_time_intervals: [weekends, holidays]
              - matchers: [severity="page"]
                receiver: office
                active_time_intervals: [office-hours]
            receivers:
            - name: default
            - name: tickets
            - name: office
            time_intervals:
            - name: weekends
              time_intervals:
              - weekdays: [saturday, sunday]
                location: Europe/Berlin
            - name: holidays
              time_intervals:
              - days_of_month: ['24:26']
                months: ['december']
            - name: office-hours
              time_intervals:
              - times: [{start_time: '09:00', end_time: '17:00'}]
                weekdays: ['monday:friday']
                location: Europe/Berlin
            """).orElseThrow();

    private static final RouteTimes TIMES = RouteTimes.of(CONFIG.timeIntervals());

    private static RouteOptions route(String severity) {
        return CONFIG.route().match(Map.of("severity", severity)).get(0).options();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ticket", "2026-11-23T10:00:00Z", false, "Monday: no mute interval in effect"),
                Arguments.of("ticket", "2026-11-21T10:00:00Z", true, "Saturday: weekends mutes"),
                Arguments.of("ticket", "2026-11-22T23:30:00Z", false, "Sunday 23:30 UTC is Monday 00:30 in Berlin"),
                Arguments.of("ticket", "2026-12-24T10:00:00Z", true, "Thursday 24 December: holidays mutes"),
                Arguments.of("page", "2026-11-23T08:00:00Z", false, "Monday 09:00 CET: office hours"),
                Arguments.of("page", "2026-11-23T07:59:00Z", true, "Monday 08:59 CET: before office hours"),
                Arguments.of("page", "2026-11-21T10:00:00Z", true, "Saturday: outside office hours"),
                Arguments.of("notify", "2026-11-21T10:00:00Z", false, "the root route names no intervals"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("cases")
    void shouldMuteARouteInItsMuteTimesAndOutsideItsActiveTimes(String severity, String instant, boolean muted,
                                                                 String why) {
        assertThat(TIMES.mutes(route(severity), Instant.parse(instant))).as(why).isEqualTo(muted);
    }

    @Test
    void shouldRefuseARouteNamingAnIntervalItDoesNotKnow() {
        RouteOptions defaults = RouteOptions.DEFAULTS;
        RouteOptions route = new RouteOptions("r", defaults.groupBy(), defaults.groupWait(), defaults.groupInterval(),
                defaults.repeatInterval(), List.of("lunch"), List.of());

        assertThatThrownBy(() -> TIMES.mutes(route, Instant.parse("2026-11-23T10:00:00Z")))
                .hasMessage("time interval \"lunch\" is not defined (defined: [holidays, office-hours, weekends])");
    }
}
