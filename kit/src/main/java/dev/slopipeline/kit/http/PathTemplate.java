package dev.slopipeline.kit.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.URIUtil;

/**
 * A route's path: literal segments, {@code {name}} for one non-empty segment, and a last {@code {name...}} for the
 * rest of the path after its slash, which may be empty. Matched against the path as sent, segment by segment, so that an encoded {@code /} stays inside its
 * parameter; parameter values are decoded.
 */
final class PathTemplate implements Comparable<PathTemplate> {

    /** Ordered from most to least specific, so that a literal wins over a parameter. */
    private enum Kind { LITERAL, ONE, REST }

    private record Segment(Kind kind, String text) {
    }

    private final String text;
    private final List<Segment> segments;

    PathTemplate(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with /, got \"" + text + "\"");
        }
        this.text = text;
        List<Segment> parsed = new ArrayList<>();
        List<String> parts = split(text);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("...}")) {
                if (i != parts.size() - 1) {
                    throw new IllegalArgumentException("{name...} must be the last segment of " + text);
                }
                parsed.add(new Segment(Kind.REST, part.substring(1, part.length() - 4)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                parsed.add(new Segment(Kind.ONE, part.substring(1, part.length() - 1)));
            } else {
                parsed.add(new Segment(Kind.LITERAL, part));
            }
        }
        this.segments = List.copyOf(parsed);
    }

    /** The parameters by name when {@code rawPath} fits this template. */
    Optional<Map<String, String>> match(String rawPath) {
        List<String> parts = split(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (i >= parts.size()) {
                return Optional.empty();
            }
            String part = parts.get(i);
            switch (segment.kind()) {
                case LITERAL -> {
                    if (!segment.text().equals(part)) {
                        return Optional.empty();
                    }
                }
                case ONE -> {
                    if (part.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.text(), decode(part));
                }
                case REST -> {
                    parameters.put(segment.text(), decode(String.join("/", parts.subList(i, parts.size()))));
                    return Optional.of(parameters);
                }
            }
        }
        return parts.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Negative when this template is the more specific of two that match the same path. */
    @Override
    public int compareTo(PathTemplate other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            int kinds = segments.get(i).kind().compareTo(other.segments.get(i).kind());
            if (kinds != 0) {
                return kinds;
            }
        }
        return Integer.compare(other.segments.size(), segments.size());
    }

    static String decode(String raw) {
        return URIUtil.decodePath(raw);
    }

    private static List<String> split(String path) {
        return Arrays.asList((path.startsWith("/") ? path.substring(1) : path).split("/", -1));
    }

    @Override
    public String toString() {
        return text;
    }
}
