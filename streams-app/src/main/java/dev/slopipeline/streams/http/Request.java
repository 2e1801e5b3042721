package dev.slopipeline.streams.http;

import java.util.Map;
import java.util.Optional;

/**
 * A GET request as an endpoint sees it.
 *
 * @param path decoded, without the query
 * @param query decoded parameters; a repeated one keeps its last value
 */
public record Request(String path, Map<String, String> query) {

    public Request {
        query = Map.copyOf(query);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
