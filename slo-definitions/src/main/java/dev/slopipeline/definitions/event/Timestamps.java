package dev.slopipeline.definitions.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Parser for the one textual timestamp form events may carry: RFC 3339, the ISO-8601 profile
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}, fraction of 1 to 9 digits.
 *
 * <p>Hand-written because {@link Instant#parse} builds a parse context, a field map and an
 * exception per failure, which shows at a million events a second; this one reads Jackson's
 * character buffer in place and allocates only the result. Local times without an offset are
 * refused: the same text would mean different instants on different emitters.
 */
final class Timestamps {

    private static final int[] SCALE = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private Timestamps() {
    }

    /** The instant {@code text[offset, offset + length)} denotes, or {@code null} if it is not RFC 3339. */
    static Instant parse(char[] text, int offset, int length) {
        int end = offset + length;
        if (length < 20
                || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int at = offset + 19;
        int nanos = 0;
        if (text[at] == '.') {
            int first = ++at;
            while (at < end && isDigit(text[at])) {
                at++;
            }
            int count = at - first;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(text, first, count) * SCALE[9 - count];
        }
        int offsetSeconds = offsetSeconds(text, at, end);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** The zone offset in {@code text[at, end)} in seconds, or {@code Integer.MIN_VALUE} if malformed. */
    private static int offsetSeconds(char[] text, int at, int end) {
        if (at >= end) {
            return Integer.MIN_VALUE;
        }
        char sign = text[at];
        if (sign == 'Z') {
            return at + 1 == end ? 0 : Integer.MIN_VALUE;
        }
        if ((sign != '+' && sign != '-') || end - at != 6 || text[at + 3] != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The decimal value of {@code count} ASCII digits at {@code at}, or -1 if any is not a digit. */
    private static int digits(char[] text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            if (!isDigit(text[i])) {
                return -1;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
