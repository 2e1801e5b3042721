package dev.slopipeline.streams.replay;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay saw and did.
 *
 * @param eventsRead          non-blank lines read from the files
 * @param outsideRange        events left out by {@code --from} and {@code --to}
 * @param invalid             events the pipeline refused to its dead-letter topic
 * @param late                events (with their multiplicity) behind an SLO's watermark by more than the grace
 * @param alertsBySlo         firing transitions per SLO and severity, every SLO of the definitions listed
 * @param componentFailures   failing results of component health checks (health events no SLO counts)
 * @param failuresNeverPaged  those of them whose check never accompanied a page as alert context
 */
public record ReplaySummary(
        long eventsRead,
        long outsideRange,
        long invalid,
        long late,
        Map<String, Fired> alertsBySlo,
        long componentFailures,
        long failuresNeverPaged) {

    /** Firing transitions of one SLO by severity. */
    public record Fired(int pages, int tickets, int notifications) {
    }

    public ReplaySummary {
        alertsBySlo = Collections.unmodifiableMap(new TreeMap<>(alertsBySlo));
    }

    /** The summary as printed on stderr: the same replay prints the same text. */
    public void print(PrintStream out) {
        out.printf("replay: %d events read, %d replayed (%d outside --from/--to), %d invalid, %d late%n",
                eventsRead, eventsRead - outsideRange, outsideRange, invalid, late);
        int width = alertsBySlo.keySet().stream().mapToInt(String::length).max().orElse(3);
        out.printf("  %-" + width + "s  %6s %8s %7s%n", "SLO", "PAGES", "TICKETS", "NOTIFY");
        alertsBySlo.forEach((slo, fired) -> out.printf("  %-" + width + "s  %6d %8d %7d%n",
                slo, fired.pages(), fired.tickets(), fired.notifications()));
        out.printf("component health: %d failing results, %d of them from checks that never accompanied a page%n",
                componentFailures, failuresNeverPaged);
    }
}
