package dev.slopipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code slo oncall} on the example router configuration and its on-call file, at hand-picked moments. */
class OnCallCommandTest {

    private static String oncall(String... args) {
        StringWriter out = new StringWriter();
        String[] full = new String[args.length + 5];
        full[0] = "oncall";
        full[1] = "--config";
        full[2] = "examples/router.yml";
        full[3] = "--oncall-config";
        full[4] = "examples/oncall.yml";
        System.arraycopy(args, 0, full, 5, args.length);
        assertThat(SloCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), full)).isZero();
        return out.toString();
    }

    @Test
    void shouldShowTheHolidayOverrideAndTheShiftAfterIt() {
        // 20:00 UTC is 21:00 in Berlin on Christmas Eve: dave covers 24 Dec 18:00 to 27 Dec 09:00
        assertThat(oncall("--at", "2026-12-24T20:00:00Z").lines()).startsWith(
                "payments-primary",
                "  now:  dave       from Thu 2026-12-24 18:00 CET until Sun 2026-12-27 09:00 CET");
    }

    @Test
    void shouldHandOffOnWednesdayMorningAfterTheEveningLayer() {
        // Wednesday 09:59 Berlin: carol's week ends at 10:00; dave's evening layer ended at midnight
        assertThat(oncall("--at", "2026-11-25T08:59:00Z").lines()).startsWith(
                "payments-primary",
                "  now:  carol      from Wed 2026-11-25 00:00 CET until Wed 2026-11-25 10:00 CET",
                "  next: alice      from Wed 2026-11-25 10:00 CET until Wed 2026-11-25 18:00 CET");
    }

    @Test
    void shouldPrintInTheZoneAskedFor() {
        assertThat(oncall("--at", "2026-11-25T08:59:00Z", "--zone", "UTC"))
                .contains("  now:  carol      from Tue 2026-11-24 23:00 UTC until Wed 2026-11-25 09:00 UTC");
    }
}
