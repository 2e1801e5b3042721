package dev.slopipeline.cli;

import dev.slopipeline.kit.time.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads every duration option of the command line in the one duration syntax ({@code 30s}, {@code 5m},
 * {@code 1h30m}). ISO-8601 ({@code PT5M}), which some options took before, is still read.
 */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        if (text.startsWith("P") || text.startsWith("-P")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException notIso) {
                // explained in the one syntax below
            }
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
