package dev.slopipeline.definitions.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One series of an SLO: the SLO's name and, for a split SLO, the value of each of its {@link Grouping} labels. As
 * text, the way Prometheus writes a series: {@code checkout-availability{region="eu-west"}}; an SLO that is not split
 * is its bare name, so its keys, stores and alert ids are what they were before SLOs could be split.
 *
 * <p>The text is the key of the series on the repartition topic, in the state stores and on {@code slo.status}, so it
 * never holds a NUL (the stores separate a key from its part with one): in values {@code \}, {@code "} and every
 * control character are escaped ({@code \\}, {@code \"}, {@code \n}, {@code \x00}).
 *
 * @param labels label name to value, in the order of the SLO's {@code groupBy}; empty when not split
 */
public record SeriesKey(String slo, Map<String, String> labels) {

    public SeriesKey {
        Objects.requireNonNull(slo, "slo");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The one series of an SLO that is not split. */
    public static SeriesKey whole(String slo) {
        return new SeriesKey(slo, Map.of());
    }

    /** The series of {@code slo} an event with these values counts in. */
    public static SeriesKey of(SloDefinition slo, List<String> values) {
        List<String> labels = slo.grouping().labels();
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            named.put(labels.get(i), values.get(i));
        }
        return new SeriesKey(slo.name(), named);
    }

    /** The series that holds the combinations of a split SLO beyond its {@link Grouping#maxSeries}. */
    public static SeriesKey overflow(SloDefinition slo) {
        return of(slo, Collections.nCopies(slo.grouping().by().size(), Grouping.OVERFLOW));
    }

    /** The SLO a series key's text belongs to, without reading its values: what comes before {@code {}. */
    public static String sloOf(String text) {
        int open = text.indexOf('{');
        return open < 0 ? text : text.substring(0, open);
    }

    /**
     * The lowest text a series of a split SLO can have, {@code <slo>{}; every such text sorts before
     * {@link #splitRangeEnd}, and no other SLO's text sorts between them (names hold only {@code a-z0-9-}).
     */
    public static String splitRangeStart(String slo) {
        return slo + "{";
    }

    /** {@code <slo>|}, {@code |} following {@code {}: above every series text of the SLO, and no series' own text. */
    public static String splitRangeEnd(String slo) {
        return slo + "|";
    }

    public boolean isSplit() {
        return !labels.isEmpty();
    }

    /** Whether this is a series of {@code slo} as it is split now (not one of an earlier {@code groupBy}). */
    public boolean belongsTo(SloDefinition definition) {
        return slo.equals(definition.name()) && List.copyOf(labels.keySet()).equals(definition.grouping().labels());
    }

    /**
     * This series of an earlier {@code groupBy} as a series of {@code definition} as it is split now, when its counts
     * belong to exactly one: every label the SLO is split by now is one of this key's (so {@code [region, tenant]}
     * becomes {@code [region]}, and any split becomes none). Empty when a label is missing (the events' values for it
     * are gone once summed), or when this is the overflow series of its split (its values are {@value
     * Grouping#OVERFLOW} for many combinations) and the SLO is still split. A field renamed to one that becomes the
     * same label ({@code cloud.region} to {@code cloud_region}) is taken for the same: the key keeps only labels.
     */
    public Optional<SeriesKey> regroupedFor(SloDefinition definition) {
        if (!slo.equals(definition.name())) {
            return Optional.empty();
        }
        List<String> wanted = definition.grouping().labels();
        boolean overflow = isSplit() && labels.values().stream().allMatch(Grouping.OVERFLOW::equals);
        if (!labels.keySet().containsAll(wanted) || overflow && !wanted.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        wanted.forEach(label -> kept.put(label, labels.get(label)));
        return Optional.of(new SeriesKey(slo, kept));
    }

    /** The text form, see above. */
    public String text() {
        if (labels.isEmpty()) {
            return slo;
        }
        StringBuilder text = new StringBuilder(slo).append('{');
        labels.forEach((label, value) -> {
            if (text.charAt(text.length() - 1) != '{') {
                text.append(',');
            }
            text.append(label).append("=\"");
            escape(value, text);
            text.append('"');
        });
        return text.append('}').toString();
    }

    /**
     * Reads what {@link #text()} wrote.
     *
     * @throws IllegalArgumentException when the text is not a series key
     */
    public static SeriesKey parse(String text) {
        int open = text.indexOf('{');
        if (open < 0) {
            return whole(text);
        }
        if (!text.endsWith("}") || open == 0) {
            throw new IllegalArgumentException("not a series key: " + text);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int at = open + 1;
        int end = text.length() - 1;
        while (at < end) {
            int equals = text.indexOf("=\"", at);
            if (equals < 0) {
                throw new IllegalArgumentException("not a series key: " + text);
            }
            String label = text.substring(at, equals);
            StringBuilder value = new StringBuilder();
            at = unescape(text, equals + 2, value);
            labels.put(label, value.toString());
            if (at < end && text.charAt(at++) != ',') {
                throw new IllegalArgumentException("not a series key: " + text);
            }
        }
        return new SeriesKey(text.substring(0, open), labels);
    }

    /** The label values in order, for the words of a summary: {@code eu-west}, {@code eu-west, gold}. */
    public List<String> values() {
        return new ArrayList<>(labels.values());
    }

    @Override
    public String toString() {
        return text();
    }

    private static void escape(String value, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\x%02x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }

    /** Reads a quoted value from {@code from} into {@code value}; returns the index after its closing quote. */
    private static int unescape(String text, int from, StringBuilder value) {
        int at = from;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return at;
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'x' -> {
                    if (at + 2 > text.length()) {
                        throw new IllegalArgumentException("not a series key: " + text);
                    }
                    value.append((char) Integer.parseInt(text.substring(at, at + 2), 16));
                    at += 2;
                }
                default -> value.append(escaped);
            }
        }
        throw new IllegalArgumentException("not a series key (unclosed value): " + text);
    }
}
