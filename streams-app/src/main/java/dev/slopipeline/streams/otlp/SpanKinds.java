package dev.slopipeline.streams.otlp;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The span kinds of a config value, {@code server,consumer}: OTLP's names without {@code SPAN_KIND_}, in lower case. */
public final class SpanKinds {

    /** A server span is one request served; a consumer span is one message handled. */
    public static final Set<SpanKind> DEFAULT = Set.of(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_CONSUMER);

    private static final String PREFIX = "SPAN_KIND_";
    private static final Set<SpanKind> NAMED = EnumSet.of(SpanKind.SPAN_KIND_INTERNAL, SpanKind.SPAN_KIND_SERVER,
            SpanKind.SPAN_KIND_CLIENT, SpanKind.SPAN_KIND_PRODUCER, SpanKind.SPAN_KIND_CONSUMER);

    private SpanKinds() {
    }

    /** {@code server,consumer}, in OTLP's order. */
    public static String format(Set<SpanKind> kinds) {
        return NAMED.stream().filter(kinds::contains).map(SpanKinds::name).collect(Collectors.joining(","));
    }

    /**
     * Comma-separated names, at least one; spaces around them are allowed.
     *
     * @throws IllegalArgumentException saying what the text must be: {@code must be span kinds separated by commas, ...}
     */
    public static Set<SpanKind> parse(String text) {
        Set<SpanKind> kinds = EnumSet.noneOf(SpanKind.class);
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            kinds.add(NAMED.stream().filter(k -> name(k).equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "must be span kinds separated by commas, from "
                            + NAMED.stream().map(SpanKinds::name).collect(Collectors.joining(", ")))));
        }
        return Set.copyOf(kinds);
    }

    private static String name(SpanKind kind) {
        return kind.name().substring(PREFIX.length()).toLowerCase(Locale.ROOT);
    }
}
