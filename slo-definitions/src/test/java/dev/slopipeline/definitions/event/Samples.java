package dev.slopipeline.definitions.event;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small builders that keep the JSON in test tables readable. */
final class Samples {

    /** The required request fields, for rows that vary something else. */
    static final String REQUEST_BASE =
            "'timestamp':'2026-11-23T10:00:00Z','service':'checkout-api','operation':'POST /checkout','status':503";
    /** The required health fields, for rows that vary something else. */
    static final String HEALTH_BASE =
            "'timestamp':'2026-11-23T10:00:00Z','service':'payments','check':'db-ping','status':'fail'";

    private Samples() {
    }

    /** {@code text} with single quotes turned into double quotes, so rows need no escaping. */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    /** An object of the given members (single-quoted JSON). */
    static String object(String members) {
        return json("{" + members + "}");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} repetitions of {@code c}. */
    static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }

    /** Members {@code 'prefix0':'v','prefix1':'v',...}, single-quoted. */
    static String members(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> "'" + prefix + i + "':'v'").collect(Collectors.joining(","));
    }

    /** A value nested {@code depth} levels deep in arrays: {@code [[...[1]...]]}. */
    static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }
}
