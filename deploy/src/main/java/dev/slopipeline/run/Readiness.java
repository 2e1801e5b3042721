package dev.slopipeline.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Asks a component's {@code /readyz} until it answers 200, so that "ready" means what the probes of a cluster see. */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(250);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @return empty when ready within the timeout, else the last answer (the component's reasons) or error
     */
    Optional<String> await(URI base, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/readyz")).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Optional.empty();
                }
                last = response.statusCode() + " " + response.body().strip();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.of(last);
    }
}
