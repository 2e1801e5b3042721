package dev.slopipeline.kit.config;

import dev.slopipeline.kit.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** The value types settings have in common. */
public final class ValueTypes {

    private ValueTypes() {
    }

    /** Any text; an empty one counts as not set before it gets here. */
    public static ValueType<String> text() {
        return text -> text;
    }

    /** Text that matches {@code pattern}, e.g. a Kafka topic name; {@code shape} completes "must be ...". */
    public static ValueType<String> matching(Pattern pattern, String shape) {
        return text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("must be " + shape);
            }
            return text;
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ValueType<Integer> integer(int min, int max) {
        return text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // the same words as a number out of range
            }
            throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
        };
    }

    /** A whole number of milliseconds from {@code min} to {@code max}, for keys named {@code *.ms}. */
    public static ValueType<Duration> millis(int min, int max) {
        ValueType<Integer> count = integer(min, max);
        return new ValueType<>() {
            @Override
            public Duration parse(String text) {
                return Duration.ofMillis(count.parse(text));
            }

            @Override
            public String format(Duration value) {
                return String.valueOf(value.toMillis());
            }
        };
    }

    /** A positive duration in the one duration syntax of {@link Durations}: {@code 250ms}, {@code 5m}, {@code 1h30m}. */
    public static ValueType<Duration> duration() {
        return new ValueType<>() {
            @Override
            public Duration parse(String text) {
                try {
                    Duration duration = Durations.parse(text);
                    if (!duration.isZero()) {
                        return duration;
                    }
                } catch (IllegalArgumentException notADuration) {
                    // the same words as a zero duration
                }
                throw new IllegalArgumentException("must be a duration longer than 0: whole numbers with units "
                        + "y, w, d, h, m, s or ms, largest first, e.g. 250ms, 30s, 5m or 1h30m");
            }

            @Override
            public String format(Duration value) {
                return Durations.format(value);
            }
        };
    }

    /** {@code true} or {@code false}, in any case. */
    public static ValueType<Boolean> bool() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** A file or folder. */
    public static ValueType<Path> path() {
        return text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("must be a path (" + e.getReason() + ")");
            }
        };
    }

    /** An absolute {@code http} or {@code https} URL. */
    public static ValueType<URI> httpUrl() {
        return text -> {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() != null && uri.getHost() != null
                        && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    return uri;
                }
            } catch (URISyntaxException notAUri) {
                // the same words as a URL of another scheme
            }
            throw new IllegalArgumentException("must be an http(s) URL such as https://slo-router.example.com");
        };
    }
}
