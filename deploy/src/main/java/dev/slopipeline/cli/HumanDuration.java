package dev.slopipeline.cli;

import java.time.Duration;

/** Durations for people: the two largest units, e.g. {@code 52s}, {@code 4m19s}, {@code 2d2h}. */
final class HumanDuration {

    private HumanDuration() {
    }

    static String format(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds < 60) {
            return seconds + "s";
        }
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder text = new StringBuilder();
        int written = 0;
        for (int i = 0; i < sizes.length && written < 2; i++) {
            long count = seconds / sizes[i];
            if (count > 0 || written > 0) {
                if (count > 0) {
                    text.append(count).append(units[i]);
                }
                seconds -= count * sizes[i];
                written++;
            }
        }
        return text.toString();
    }
}
