package dev.slopipeline.streams.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slopipeline.kit.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another instance for the statuses it holds, through its {@code ?scope=local} endpoints. */
final class RemoteStatus {

    private final HttpClient client;
    private final Duration timeout;

    RemoteStatus(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** @param sloPath the SLO's name, followed by a sub-path such as {@code /history} */
    StatusLookup status(HostInfo host, String sloPath) {
        try {
            HttpResponse<byte[]> response = client.send(request(host, SloStatusEndpoint.PATH + "/" + sloPath),
                    HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> new StatusLookup.Found(response.body());
                case 404 -> new StatusLookup.Missing();
                default -> new StatusLookup.Unavailable(host + " answered " + response.statusCode());
            };
        } catch (IOException e) {
            return new StatusLookup.Unavailable(host + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StatusLookup.Unavailable(host + ": interrupted");
        }
    }

    /** Never fails: an instance that does not answer becomes an {@code unavailable} entry. */
    CompletableFuture<StatusListing> all(HostInfo host) {
        return client.sendAsync(request(host, SloStatusEndpoint.PATH), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> response.statusCode() == 200
                        ? listing(host, response.body())
                        : StatusListing.unavailable(host + " answered " + response.statusCode()))
                .exceptionally(failure -> StatusListing.unavailable(host + ": " + failure.getMessage()));
    }

    private static StatusListing listing(HostInfo host, byte[] body) {
        JsonNode slos = Json.parse(body, "the status list from " + host).path("slos");
        Map<String, byte[]> bySlo = new LinkedHashMap<>();
        slos.properties().forEach(entry -> bySlo.put(entry.getKey(), Json.bytes(entry.getValue())));
        return new StatusListing(bySlo, List.of());
    }

    private HttpRequest request(HostInfo host, String path) {
        return HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path
                        + "?scope=" + SloStatusEndpoint.LOCAL_SCOPE))
                .timeout(timeout)
                .GET()
                .build();
    }
}
