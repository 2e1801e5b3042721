package dev.slopipeline.router.app;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a handler sees it, its body already read within the size limit.
 *
 * @param path          decoded, without the query
 * @param authorization the {@code Authorization} header, or null
 * @param query         the raw query string (after {@code ?}), or null
 */
record ApiRequest(String method, String path, String authorization, byte[] body, String query) {

    ApiRequest(String method, String path, String authorization, byte[] body) {
        this(method, path, authorization, body, null);
    }

    /** A query parameter, decoded; the first one when it is repeated. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters().get(name));
    }

    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
