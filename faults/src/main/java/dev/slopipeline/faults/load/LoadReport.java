package dev.slopipeline.faults.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a load run measured, as a Markdown section. Lag "grew without bound" when the mean of the last third
 * of the samples exceeds that of the middle third by more than five seconds of events at the asked rate: a
 * pipeline that keeps up has a lag that goes up and down around a level (the first third is left out, it
 * holds the start), one that falls behind has a lag that climbs for as long as the load lasts.
 */
record LoadReport(Instant began, LoadRun.Options options, Duration loaded, long sent, List<LagSample> lag,
                  Optional<Duration> pageLatency, Duration pageWait, List<String> unexpectedPages,
                  double loadAverageBefore, double loadAverageAfter) {

    /** The streams app's lag on the requests topic, some time after the load started. */
    record LagSample(Duration at, long records) {
    }

    double rateAchieved() {
        return sent * 1000.0 / Math.max(1, loaded.toMillis());
    }

    boolean lagGrew() {
        int third = lag.size() / 3;
        if (third == 0) {
            return false;
        }
        double middle = mean(lag.subList(third, 2 * third));
        double last = mean(lag.subList(lag.size() - third, lag.size()));
        return last - middle > 5.0 * options.rate();
    }

    boolean ok() {
        // a page for a journey whose traffic stayed healthy is a false alarm, which the load must not cause
        return pageLatency.isPresent() && !lagGrew() && unexpectedPages.isEmpty();
    }

    String toMarkdown(String command) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(began.truncatedTo(ChronoUnit.SECONDS)).append(ok() ? " — passed" : " — FAILED").append("\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, "machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + "; broker, streams app and router in one JVM");
        row(out, "machine load average (1 min) before / after", String.format(Locale.ROOT, "%.1f / %.1f",
                loadAverageBefore, loadAverageAfter) + (loadAverageBefore > Runtime.getRuntime().availableProcessors()
                ? " (above the core count before the run started: other work shared the machine)" : ""));
        row(out, "command", "`" + command + "`");
        row(out, "load", options.length().toSeconds() + " s asked, " + loaded.toSeconds() + " s run, "
                + LoadRun.LOAD_JOURNEYS + " journeys");
        row(out, "rate asked / achieved (acknowledged by the broker)", options.rate() + " / "
                + String.format(Locale.ROOT, "%.0f", rateAchieved()) + " events/s (" + sent + " events)");
        LongSummary summary = new LongSummary(lag.stream().mapToLong(LagSample::records).toArray());
        row(out, "streams app lag on the requests topic (" + lag.size() + " samples, every "
                + options.sampleEvery().toSeconds() + " s)", "min " + summary.min + ", max " + summary.max + ", last " + summary.last);
        row(out, "lag grew without bound", lagGrew() ? "yes" : "no");
        row(out, "page latency (first failing request of the mid-run incident to the page at the webhook)",
                pageLatency.map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0))
                        .orElse("no page within " + pageWait.toSeconds() + " s"));
        row(out, "pages for journeys that stayed healthy", unexpectedPages.isEmpty() ? "none"
                : String.join(", ", unexpectedPages));
        out.append("\nLag samples (seconds into the load: records): ")
                .append(lag.stream().map(s -> s.at().toSeconds() + ": " + s.records()).collect(Collectors.joining(", ")))
                .append("\n\n");
        return out.toString();
    }

    private static double mean(List<LagSample> samples) {
        return samples.stream().mapToLong(LagSample::records).average().orElse(0);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static final class LongSummary {
        final long min;
        final long max;
        final long last;

        LongSummary(long[] values) {
            min = values.length == 0 ? 0 : java.util.Arrays.stream(values).min().getAsLong();
            max = values.length == 0 ? 0 : java.util.Arrays.stream(values).max().getAsLong();
            last = values.length == 0 ? 0 : values[values.length - 1];
        }
    }
}
