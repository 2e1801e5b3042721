package dev.slopipeline.definitions.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * One pass over one event object with Jackson's streaming parser, holding the checks both event
 * kinds share. Every check failure throws {@link Rejected} with the reason the dead-letter header
 * will carry; reasons quote the offending field and value so an emitter's owner can fix it
 * without the record at hand.
 */
final class EventReader implements AutoCloseable {

    /** A refused record. Thrown only on the rare bad path, so it skips the stack trace. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** How much of a refused value a reason echoes. */
    private static final int ECHO_CHARS = 64;

    private final JsonParser parser;
    private String[] seen = new String[8];
    private int seenCount;

    private EventReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Checks the encoding, then positions the reader inside the top-level object. */
    static EventReader open(JsonFactory json, byte[] utf8) throws IOException {
        String problem = Utf8.problem(utf8);
        if (problem != null) {
            throw new Rejected(problem);
        }
        EventReader reader = new EventReader(json.createParser(utf8));
        try {
            JsonToken first = reader.parser.nextToken();
            if (first == null) {
                throw new Rejected("not JSON: empty record");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new Rejected("expected a JSON object, got " + reader.got());
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Advances to the next top-level field and onto its value; {@code null} at the end of the
     * object. A linear scan finds repeated names: there are at most {@link EventCodec#MAX_FIELDS},
     * which keeps a hostile record from making it quadratic in anything large.
     */
    String nextField() throws IOException {
        if (parser.nextToken() == JsonToken.END_OBJECT) {
            return null;
        }
        String name = parser.currentName();
        for (int i = 0; i < seenCount; i++) {
            if (seen[i].equals(name)) {
                throw new Rejected("duplicate field " + quote(name));
            }
        }
        if (seenCount == EventCodec.MAX_FIELDS) {
            throw new Rejected("more than " + EventCodec.MAX_FIELDS + " fields");
        }
        if (seenCount == seen.length) {
            seen = Arrays.copyOf(seen, seenCount * 2);
        }
        seen[seenCount++] = name;
        parser.nextToken();
        return name;
    }

    /** Whether the current value is JSON {@code null}, which stands for an absent field. */
    boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** Requires that nothing but whitespace follows the top-level object. */
    void end() {
        boolean trailing;
        try {
            trailing = parser.nextToken() != null;
        } catch (IOException e) {
            trailing = true;
        }
        if (trailing) {
            throw new Rejected("trailing content after the JSON object");
        }
    }

    /** An ISO-8601 (RFC 3339) string or integral epoch milliseconds, within the accepted era. */
    Instant timestamp(String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            Instant at = Timestamps.parse(
                    parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (at == null) {
                throw invalid(field, "expected an ISO-8601 date-time with offset, e.g. "
                        + "\"2026-11-23T10:00:00Z\", got " + got());
            }
            return withinEra(field, at, () -> quote(parser.getText()), "");
        }
        if (isIntegral()) {
            long millis = integralValue();
            // Epoch seconds are the usual mistake; say so when the value would fit as seconds.
            boolean looksLikeSeconds = millis >= EventCodec.EARLIEST.getEpochSecond()
                    && millis <= EventCodec.LATEST.getEpochSecond();
            return withinEra(field, Instant.ofEpochMilli(millis), () -> shorten(parser.getText()),
                    looksLikeSeconds ? " (epoch seconds? the field takes epoch milliseconds)" : "");
        }
        throw invalid(field, "expected an ISO-8601 string or epoch milliseconds, got " + got());
    }

    /** @param shown the value as a reason quotes it; built only for a refusal, as every event passes here */
    private static Instant withinEra(String field, Instant at, Shown shown, String hint) throws IOException {
        if (at.isBefore(EventCodec.EARLIEST)) {
            throw invalid(field, shown.get() + " is before " + EventCodec.EARLIEST + hint);
        }
        if (at.isAfter(EventCodec.LATEST)) {
            throw invalid(field, shown.get() + " is after " + EventCodec.LATEST + hint);
        }
        return at;
    }

    /** A value's text for a reason, read from the parser only when needed. */
    @FunctionalInterface
    private interface Shown {
        String get() throws IOException;
    }

    /** An integral number within {@code [min, max]}. */
    long integer(String field, long min, long max) throws IOException {
        if (!isIntegral()) {
            throw invalid(field, "expected an integer, got " + got());
        }
        long value = integralValue();
        if (value < min || value > max) {
            throw invalid(field, shorten(parser.getText()) + " is outside " + min + ".." + max);
        }
        return value;
    }

    /** A finite, non-negative number. */
    double latency(String field) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw invalid(field, "expected a number, got " + got());
        }
        double value = parser.getDoubleValue();
        if (value < 0) {
            throw invalid(field, shorten(parser.getText()) + " is negative");
        }
        if (Double.isInfinite(value)) {
            throw invalid(field, shorten(parser.getText()) + " is too large");
        }
        return value;
    }

    /** A non-empty string of at most {@link EventCodec#MAX_NAME_LENGTH} characters. */
    String name(String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw invalid(field, "expected a string, got " + got());
        }
        String value = parser.getText();
        if (value.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        requireLength(field, value, EventCodec.MAX_NAME_LENGTH);
        return value;
    }

    /** One of the health statuses' wire names. */
    HealthStatus healthStatus(String field) throws IOException {
        HealthStatus status = parser.currentToken() == JsonToken.VALUE_STRING
                ? HealthStatus.fromWire(parser.getText())
                : null;
        if (status == null) {
            throw invalid(field, "expected one of \"pass\", \"warn\", \"fail\", got " + got());
        }
        return status;
    }

    /**
     * A flat object of strings, bounded in entries and lengths. Collected in an array and made an
     * immutable map once, which the event keeps as it is: a map per event, not a hash map and its copy.
     * A linear scan finds repeated keys, bounded by {@link EventCodec#MAX_ATTRIBUTES} as {@link #nextField} is.
     */
    Map<String, String> attributes(String field) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw invalid(field, "expected an object, got " + got());
        }
        String[] keysAndValues = null;
        int entries = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (key.isEmpty()) {
                throw invalid(field, "empty key");
            }
            if (tooLong(key, EventCodec.MAX_ATTRIBUTE_LENGTH)) {
                throw invalid(field, "key longer than " + EventCodec.MAX_ATTRIBUTE_LENGTH + " characters");
            }
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw invalid(field + "." + key, "expected a string, got " + got());
            }
            String value = parser.getText();
            requireLength(field + "." + key, value, EventCodec.MAX_ATTRIBUTE_LENGTH);
            if (keysAndValues == null) {
                keysAndValues = new String[4];
            } else if (entries == EventCodec.MAX_ATTRIBUTES) {
                throw invalid(field, "more than " + EventCodec.MAX_ATTRIBUTES + " entries");
            }
            for (int i = 0; i < entries; i++) {
                if (keysAndValues[2 * i].equals(key)) {
                    throw new Rejected("duplicate field " + quote(field + "." + key));
                }
            }
            if (2 * entries == keysAndValues.length) {
                keysAndValues = Arrays.copyOf(keysAndValues, keysAndValues.length * 2);
            }
            keysAndValues[2 * entries] = key;
            keysAndValues[2 * entries + 1] = value;
            entries++;
        }
        return immutableMap(keysAndValues, entries);
    }

    private static Map<String, String> immutableMap(String[] keysAndValues, int entries) {
        return switch (entries) {
            case 0 -> Map.of();
            case 1 -> Map.of(keysAndValues[0], keysAndValues[1]);
            case 2 -> Map.of(keysAndValues[0], keysAndValues[1], keysAndValues[2], keysAndValues[3]);
            default -> {
                @SuppressWarnings("unchecked")
                Map.Entry<String, String>[] pairs = new Map.Entry[entries];
                for (int i = 0; i < entries; i++) {
                    pairs[i] = Map.entry(keysAndValues[2 * i], keysAndValues[2 * i + 1]);
                }
                yield Map.ofEntries(pairs);
            }
        };
    }

    /**
     * Steps over the value of a field this version does not know. Walks it token by token rather
     * than with {@code skipChildren()} so the depth limit is ours and so is its reason.
     */
    void skip(String field) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            return;
        }
        int depth = 2; // the top-level object, and the value just entered
        while (depth > 1) {
            JsonToken token = parser.nextToken();
            if (token.isStructStart()) {
                if (++depth > EventCodec.MAX_DEPTH) {
                    throw invalid(field, "nested deeper than " + EventCodec.MAX_DEPTH + " levels");
                }
            } else if (token.isStructEnd()) {
                depth--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    static Rejected missing(String field) {
        return new Rejected("field " + quote(field) + " is required");
    }

    /** The reason for input Jackson could not parse, with Jackson's own words and position. */
    static String notJson(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            return "not JSON: " + json.getOriginalMessage() + where;
        }
        return "not JSON: " + e.getMessage();
    }

    private static Rejected invalid(String field, String detail) {
        return new Rejected("field " + quote(field) + ": " + detail);
    }

    /** JSON Schema's notion of an integer: a number with no fractional part, whatever its spelling. */
    private boolean isIntegral() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return true;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return value == Math.rint(value);
        }
        return false;
    }

    /** The current integral number, saturated to the long range so range checks still refuse it. */
    private long integralValue() throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) parser.getDoubleValue(); // the cast saturates
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return parser.getText().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return parser.getLongValue();
    }

    private static void requireLength(String field, String value, int max) {
        if (tooLong(value, max)) {
            throw invalid(field, "longer than " + max + " characters");
        }
    }

    /** Counts code points, as JSON Schema's maxLength does, but only when the cheap bound fails. */
    private static boolean tooLong(String value, int max) {
        return value.length() > max && value.codePointCount(0, value.length()) > max;
    }

    /** The current value as a reason shows it: its JSON type, and the value when short enough. */
    private String got() throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> "string " + quote(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + shorten(parser.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.name();
        };
    }

    /** {@code text} in double quotes, JSON-escaped so a reason stays one line, cut if long. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(Math.min(text.length(), ECHO_CHARS) + 8).append('"');
        int end = cutPoint(text);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append(end < text.length() ? "...\"" : "\"").toString();
    }

    private static String shorten(String text) {
        int end = cutPoint(text);
        return end < text.length() ? text.substring(0, end) + "..." : text;
    }

    /** Where to cut {@code text} for echoing, never between the halves of a surrogate pair. */
    private static int cutPoint(String text) {
        if (text.length() <= ECHO_CHARS) {
            return text.length();
        }
        return Character.isHighSurrogate(text.charAt(ECHO_CHARS - 1)) ? ECHO_CHARS - 1 : ECHO_CHARS;
    }
}
