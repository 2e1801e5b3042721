package dev.slopipeline.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slopipeline.definitions.alert.Alert;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.definitions.model.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Burn-rate alerts end to end: events in, alert transitions out, for the shapes of failure the
 * workbook pairs are made for. Each scenario is checked transition by transition against
 * {@link ReferenceAlerts}, and spells out the moments that matter.
 */
class BurnRateAlertsTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final int DAY = 24 * 60;

    /** Good and bad events per minute. */
    private static final class Traffic {
        final long[] good;
        final long[] bad;

        Traffic(int minutes) {
            good = new long[minutes];
            bad = new long[minutes];
        }

        Traffic set(int from, int to, long goodPerMinute, long badPerMinute) {
            for (int minute = from; minute < to; minute++) {
                good[minute] = goodPerMinute;
                bad[minute] = badPerMinute;
            }
            return this;
        }
    }

    private static String slo(long minEvents) {
        return Shop.CHECKOUT + "  alerting: {minEvents: " + minEvents + "}\n";
    }

    /** Feeds the traffic, a bad record at second 5 and a good one at second 10 of each minute; returns the alerts. */
    private static List<Alert> run(Traffic traffic, long minEvents) {
        try (Pipeline pipeline = Pipeline.withFolder(Scenarios.inMemory(), START, Shop.folder(slo(minEvents)))) {
            for (int minute = 0; minute < traffic.good.length; minute++) {
                if (traffic.bad[minute] > 0) {
                    pipeline.request(ReferenceAlerts.badTime(START, minute), "payments", "POST /charge/visa", 503, traffic.bad[minute]);
                }
                if (traffic.good[minute] > 0) {
                    pipeline.request(ReferenceAlerts.goodTime(START, minute), "checkout-api", "POST /checkout", 200, traffic.good[minute]);
                }
            }
            pipeline.advanceWallClock(pipeline.config.evaluationInterval());
            return pipeline.alerts();
        }
    }

    /** The alerts must be the reference's transitions, with the reference's burn rates. */
    private static List<Alert> runAndCheck(Traffic traffic, long minEvents) {
        List<Alert> alerts = run(traffic, minEvents);
        List<ReferenceAlerts.Expected> expected = new ReferenceAlerts(START, traffic.good, traffic.bad, 99.9, minEvents).transitions();
        assertThat(alerts).hasSameSizeAs(expected);
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            ReferenceAlerts.Expected reference = expected.get(i);
            assertThat(alert.at()).as("transition %d", i).isEqualTo(reference.at().truncatedTo(ChronoUnit.SECONDS));
            assertThat(alert.severity()).as("transition %d", i).isEqualTo(reference.severity());
            assertThat(alert.state()).as("transition %d", i).isEqualTo(reference.firing() ? AlertState.FIRING : AlertState.RESOLVED);
            assertThat(alert.pairs()).as("transition %d", i).isEqualTo(reference.pairs());
            assertThat(alert.burnRate().longWindow()).as("transition %d", i).isCloseTo(reference.longBurnRate(), within(1e-9));
            assertThat(alert.burnRate().shortWindow()).as("transition %d", i).isCloseTo(reference.shortBurnRate(), within(1e-9));
        }
        assertAlternating(alerts);
        return alerts;
    }

    /** Per severity: firing, resolved, firing, ... never the same state twice in a row. */
    private static void assertAlternating(List<Alert> alerts) {
        for (Severity severity : Severity.values()) {
            List<AlertState> states = alerts.stream().filter(a -> a.severity() == severity).map(Alert::state).toList();
            for (int i = 0; i < states.size(); i++) {
                assertThat(states.get(i)).as("%s transition %d", severity, i).isEqualTo(i % 2 == 0 ? AlertState.FIRING : AlertState.RESOLVED);
            }
        }
    }

    private static Instant minute(int minute, int second) {
        return START.plus(minute, ChronoUnit.MINUTES).plusSeconds(second);
    }

    @Test
    void shouldPageInTheFirstMinuteOfAFullOutageAndResolveOnceTheSlowPairsShortWindowIsClean() {
        int s = DAY;
        Traffic traffic = new Traffic(s + 120).set(0, s, 1000, 0).set(s, s + 30, 0, 1000).set(s + 30, s + 120, 1000, 0);

        List<Alert> alerts = runAndCheck(traffic, 0);

        // one bad minute makes the hour 1000 / 60 000 = 1.7 % > 1.44 % and the 5 minutes 100 %: page at its bad record
        assertThat(alerts.get(0).at()).isEqualTo(minute(s, 5));
        assertThat(alerts.get(0).severity()).isEqualTo(Severity.PAGE);
        assertThat(alerts.get(0).pairs()).containsExactly("page-fast");
        assertThat(alerts.get(0).windows().longWindow()).hasHours(1);
        // the page resolves when page-slow's 30 minutes no longer hold a bad minute: 30 minutes after the last one
        Alert resolved = alerts.stream().filter(a -> a.severity() == Severity.PAGE && a.state() == AlertState.RESOLVED)
                .findFirst().orElseThrow();
        assertThat(resolved.at()).isEqualTo(minute(s + 29 + 30, 10));
        assertThat(resolved.id()).isEqualTo(alerts.get(0).id());
        assertThat(resolved.startedAt()).isEqualTo(minute(s, 5));
    }

    @Test
    void shouldTicketASlowBurnThatNoPageSees() {
        int s = 3 * DAY;
        // 0.5 % errors, from three healthy days on: above the tickets' 0.3 % and 0.1 %, below page-slow's 0.6 %
        Traffic traffic = new Traffic(s + 15 * 60).set(0, s, 1000, 0).set(s, s + 15 * 60, 995, 5);

        List<Alert> alerts = runAndCheck(traffic, 0);

        // both tickets spend 10 % of the budget: at a steady burn their long windows cross about together,
        // after 0.3 / 0.5 of a day = 0.1 / 0.5 of three days = 14.4 hours; the slower joins without a second ticket
        assertThat(alerts).singleElement().satisfies(ticket -> {
            assertThat(ticket.severity()).isEqualTo(Severity.TICKET);
            assertThat(ticket.state()).isEqualTo(AlertState.FIRING);
            assertThat(ticket.pairs()).startsWith("ticket-fast");
            assertThat(ticket.at()).isBetween(minute(s + 14 * 60, 0), minute(s + 15 * 60, 0));
        });
    }

    @Test
    void shouldPageAShortSpikeAndResolveWithinMinutesOfItsEnd() {
        int s = DAY;
        Traffic traffic = new Traffic(s + 90).set(0, s + 90, 1000, 0).set(s, s + 3, 500, 500);

        List<Alert> alerts = runAndCheck(traffic, 0);

        assertThat(alerts).filteredOn(a -> a.severity() == Severity.PAGE).extracting(Alert::state)
                .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
    }

    @Test
    void shouldNotPageBelowTheMinimumOfEventsWhateverTheErrorRatio() {
        int s = DAY;
        // ten requests a minute: an hour holds 600, six hours 3600, below the guard of 5000; a day holds 14 400
        Traffic traffic = new Traffic(s + 60).set(0, s + 60, 10, 0).set(s, s + 5, 0, 10);

        List<Alert> alerts = runAndCheck(traffic, 5000);

        assertThat(alerts).extracting(Alert::severity).doesNotContain(Severity.PAGE);
        assertThat(run(traffic, 0)).extracting(Alert::severity).as("without the guard it pages").contains(Severity.PAGE);
    }

    @Test
    void shouldSendNothingForHealthyTraffic() {
        Traffic traffic = new Traffic(DAY).set(0, DAY, 1000, 0);

        assertThat(run(traffic, 0)).isEmpty();
    }

    static Map<String, String> folder(long minEvents) {
        return Shop.folder(slo(minEvents));
    }
}
