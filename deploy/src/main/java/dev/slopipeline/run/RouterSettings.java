package dev.slopipeline.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code slo run} starts the alert router.
 *
 * @param config      the Alertmanager-format file; empty: a built-in tree that sends nothing
 * @param externalUrl empty: {@code http://localhost:<httpPort>}
 * @param apiToken    bearer token with write scope; empty: API writes are refused
 */
public record RouterSettings(
        Optional<Path> config,
        int httpPort,
        String applicationId,
        Path stateDir,
        Optional<URI> externalUrl,
        int partitions,
        Optional<String> apiToken) {
}
