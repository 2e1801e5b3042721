package dev.slopipeline.bench.kafka;

import java.util.Locale;

/** Wall-clock spans and rates, formatted for the reports. */
public final class Seconds {

    private Seconds() {
    }

    public static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static String format(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    /** {@code 123 456} per second, rounded to the unit. */
    public static String rate(double count, double seconds) {
        return String.format(Locale.ROOT, "%,.0f", count / seconds).replace(',', ' ');
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Waits a little between polls of a condition. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
