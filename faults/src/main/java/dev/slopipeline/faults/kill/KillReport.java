package dev.slopipeline.faults.kill;

import dev.slopipeline.faults.receiver.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link KillRun} saw: kills per process and how long each restart took, incidents played, page and
 * resolve notifications expected, delivered and duplicated at the receiver, dead letters, latencies.
 */
public record KillReport(KillRun.Options options, Instant began, Instant ended, Map<String, Integer> killsByProcess,
                         List<Duration> restarts, int incidents, int pagesExpected, int pagesDelivered, int resolvesDelivered,
                         int requests, int acceptedKeys, List<String> duplicatedKeys, int unsignedOrForged,
                         long malformedSent, long deadLetters, List<Duration> pageLatencies, List<Duration> resolveLatencies,
                         int escalationsExpected, List<Duration> escalations, List<String> failures) {

    /** Whether every promise held. */
    public boolean ok() {
        return failures.isEmpty() && duplicatedKeys.isEmpty() && unsignedOrForged == 0 && deadLetters == malformedSent
                && pagesDelivered + resolvesDelivered == pagesExpected && escalations.size() == escalationsExpected && killsByProcess.values().stream().mapToInt(i -> i).sum() == options.kills();
    }

    /** One markdown section, for {@code faults/results/}. */
    public String toMarkdown() {
        int kills = killsByProcess.values().stream().mapToInt(i -> i).sum();
        StringBuilder out = new StringBuilder();
        out.append("## ").append(began.truncatedTo(ChronoUnit.SECONDS)).append(ok() ? " — passed" : " — FAILED").append("\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, "machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
        row(out, "seed, kill gap", options.seed() + ", " + options.minGap().toSeconds() + "-" + options.maxGap().toSeconds() + " s"
                + (options.dropEvery() > 0 ? ", receiver drops every " + options.dropEvery() + ". request" : ""));
        row(out, "duration", seconds(Duration.between(began, ended)));
        row(out, "kills (SIGKILL + restart)", kills + " of " + options.kills() + ": " + killsByProcess);
        row(out, "restart to serving", "median " + seconds(median(restarts)) + ", max " + seconds(max(restarts)));
        row(out, "incidents played", Integer.toString(incidents));
        row(out, "page + resolve notifications expected / delivered", pagesExpected + " / " + (pagesDelivered + resolvesDelivered)
                + " (" + pagesDelivered + " pages, " + resolvesDelivered + " resolves)");
        if (options.escalation()) {
            row(out, "escalations to level 2 expected / delivered", escalationsExpected + " / " + escalations.size()
                    + " (page to escalation: median " + seconds(median(escalations)) + ", max " + seconds(max(escalations))
                    + "; the policy's delay is 1 min)");
        }
        row(out, "idempotency keys accepted twice", duplicatedKeys.size() + (duplicatedKeys.isEmpty() ? "" : " " + duplicatedKeys));
        row(out, "webhook requests (accepted keys)", requests + " (" + acceptedKeys + ")");
        row(out, "requests with a missing or wrong signature", Integer.toString(unsignedOrForged));
        row(out, "malformed records sent / dead letters", malformedSent + " / " + deadLetters);
        row(out, "outage start to page delivered", "median " + seconds(median(pageLatencies)) + ", max " + seconds(max(pageLatencies)));
        row(out, "recovery to resolve delivered", "median " + seconds(median(resolveLatencies)) + ", max " + seconds(max(resolveLatencies)));
        if (!failures.isEmpty()) {
            row(out, "failures", String.join("; ", failures));
        }
        return out.append('\n').toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static Duration max(List<Duration> values) {
        return values.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Collects a run's observations from the scenario and killer threads. */
    static final class Builder {
        private final KillRun.Options options;
        private final Instant began;
        private final Map<String, Integer> kills = new TreeMap<>();
        private final List<Duration> restarts = new ArrayList<>();
        private final List<Duration> pageLatencies = new ArrayList<>();
        private final List<Duration> resolveLatencies = new ArrayList<>();
        private final List<Duration> escalations = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private int incidents;
        private long malformedSent;
        private long deadLetters;
        private WebhookReceiver receiver;

        Builder(KillRun.Options options, Instant began) {
            this.options = options;
            this.began = began;
        }

        synchronized void kill(String process, Duration restart) {
            kills.merge(process, 1, Integer::sum);
            restarts.add(restart);
        }

        synchronized void pageLatency(Duration latency) {
            pageLatencies.add(latency);
        }

        synchronized void resolveLatency(Duration latency) {
            resolveLatencies.add(latency);
        }

        synchronized void escalation(Duration afterPage) {
            escalations.add(afterPage);
        }

        synchronized void failure(String message) {
            failures.add(message);
        }

        synchronized List<String> failures() {
            return List.copyOf(failures);
        }

        synchronized void incidents(int count) {
            incidents = count;
        }

        synchronized void malformed(int count) {
            malformedSent += count;
        }

        synchronized long malformedSent() {
            return malformedSent;
        }

        synchronized void deadLetters(long count) {
            deadLetters = count;
        }

        synchronized void receiver(WebhookReceiver value) {
            receiver = value;
        }

        synchronized KillReport build(Instant ended) {
            List<WebhookReceiver.Received> requests = receiver.received();
            long pages = receiver.deliveredPages(KillRun.PAGER, "firing").stream().map(WebhookReceiver.Page::slo).distinct().count();
            long resolves = receiver.deliveredPages(KillRun.PAGER, "resolved").stream().map(WebhookReceiver.Page::slo).distinct().count();
            int forged = (int) requests.stream().filter(r -> !r.signatureValid()).count();
            return new KillReport(options, began, ended, Map.copyOf(kills), List.copyOf(restarts), incidents, 2 * incidents,
                    (int) pages, (int) resolves, requests.size(), receiver.deliveriesByKey().size(), receiver.duplicatedKeys(),
                    forged, malformedSent, deadLetters, List.copyOf(pageLatencies), List.copyOf(resolveLatencies),
                    options.escalation() ? incidents : 0, List.copyOf(escalations), List.copyOf(failures));
        }
    }
}
