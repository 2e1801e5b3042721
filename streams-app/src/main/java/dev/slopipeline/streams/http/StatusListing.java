package dev.slopipeline.streams.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every SLO status that could be gathered.
 *
 * @param bySlo status JSON by SLO name, sorted by name
 * @param unavailable where part of the statuses live but could not be read, each with the reason
 *     ({@code "host-2:8080: connection refused"}); empty when the listing is complete
 */
public record StatusListing(Map<String, byte[]> bySlo, List<String> unavailable) {

    public StatusListing {
        bySlo = Collections.unmodifiableMap(new TreeMap<>(bySlo));
        unavailable = List.copyOf(unavailable);
    }

    public static StatusListing unavailable(String reason) {
        return new StatusListing(Map.of(), List.of(reason));
    }
}
