package dev.slopipeline.demo;

import dev.slopipeline.definitions.alert.AlertState;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The demo's terminal: lines that stay (steps, notifications) and one progress line. On an interactive terminal the
 * progress line is rewritten in place and cleared before a line that stays; otherwise it is printed now and then.
 */
public final class DemoConsole {

    private static final DateTimeFormatter SIMULATED = DateTimeFormatter.ofPattern("EEE HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long PLAIN_PROGRESS_EVERY_MS = 15_000;

    private final PrintWriter out;
    private final boolean interactive;
    private int progressWidth;
    private long lastPlainProgress;

    public DemoConsole(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    public synchronized void println(String line) {
        clearProgress();
        out.println(line);
        out.flush();
    }

    public synchronized void println(List<String> lines) {
        clearProgress();
        lines.forEach(out::println);
        out.flush();
    }

    /** The progress line for this moment. */
    public synchronized void progress(TrafficSimulator.Progress traffic, AlertWatcher alerts, WebhookSink sink) {
        String line = String.format(Locale.ROOT, "  %s · %s · %,d events (%,d requests) · alerts %d fired, %d firing · %d at the sink",
                SIMULATED.format(traffic.simulatedNow()), traffic.phase(), traffic.eventsSent(), traffic.requestsSimulated(),
                alerts.transitions().stream().filter(a -> a.state() == AlertState.FIRING).count(), alerts.firingNow(),
                sink.received().size());
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, progressWidth - line.length())));
            progressWidth = line.length();
            out.flush();
        } else if (System.currentTimeMillis() - lastPlainProgress >= PLAIN_PROGRESS_EVERY_MS) {
            lastPlainProgress = System.currentTimeMillis();
            out.println(line);
            out.flush();
        }
    }

    static String simulated(Instant at) {
        return SIMULATED.format(at);
    }

    private void clearProgress() {
        if (interactive && progressWidth > 0) {
            out.print("\r" + " ".repeat(progressWidth) + "\r");
            progressWidth = 0;
        }
    }
}
