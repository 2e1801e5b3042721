package dev.slopipeline.kit.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as a handler sees it: its body already read within the limit, its path parameters taken from the route's
 * template ({@code /api/v1/silences/{id}}).
 */
public final class Request {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, List<String>> parameters;

    private Request(Builder builder) {
        this.method = builder.method;
        this.rawPath = builder.rawPath;
        this.rawQuery = builder.rawQuery;
        this.pathParameters = Map.copyOf(builder.pathParameters);
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        builder.headers.forEach((name, values) -> byName.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(byName);
        this.body = builder.body;
        this.parameters = Collections.unmodifiableMap(parse(rawQuery));
    }

    /**
     * @param rawPath the path as sent, still percent-encoded, without the query
     * @throws IllegalArgumentException if a query is given later that is not percent-encoded correctly
     */
    public static Builder builder(String method, String rawPath) {
        return new Builder(method, rawPath);
    }

    public String method() {
        return method;
    }

    /** The path, decoded, without the query. */
    public String path() {
        return PathTemplate.decode(rawPath);
    }

    /** The path as sent, still percent-encoded, without the query. */
    public String rawPath() {
        return rawPath;
    }

    /** The query as sent (after {@code ?}), or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** The value of a template's {@code {name}} in this request's path, decoded. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter {" + name + "}; it has "
                    + pathParameters.keySet());
        }
        return value;
    }

    /** A query parameter, decoded; the first one when it is repeated. */
    public Optional<String> parameter(String name) {
        return parameters(name).stream().findFirst();
    }

    /** Every value of a query parameter that may be repeated ({@code ?filter=a&filter=b}), decoded, in order. */
    public List<String> parameters(String name) {
        return List.copyOf(parameters.getOrDefault(name, List.of()));
    }

    /** The first value of a header, whatever the case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public byte[] body() {
        return body;
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Never headers or body: they carry tokens.
        return method + " " + rawPath;
    }

    /** Puts a request together, for the server and for tests of handlers. */
    public static final class Builder {

        private final String method;
        private final String rawPath;
        private String rawQuery;
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];

        private Builder(String method, String rawPath) {
            this.method = Objects.requireNonNull(method, "method");
            this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
        }

        /** The raw query, without {@code ?}; null for none. */
        public Builder query(String query) {
            this.rawQuery = query;
            return this;
        }

        public Builder pathParameter(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder body(byte[] bytes) {
            this.body = Objects.requireNonNull(bytes, "body");
            return this;
        }

        /** @throws IllegalArgumentException if the query is not percent-encoded correctly */
        public Request build() {
            return new Request(this);
        }
    }
}
