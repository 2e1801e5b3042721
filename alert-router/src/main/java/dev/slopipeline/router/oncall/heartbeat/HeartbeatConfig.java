package dev.slopipeline.router.oncall.heartbeat;

import dev.slopipeline.router.secret.Redacted;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The dead man's switch: the {@code heartbeat} section of the router configuration.
 * <pre>{@code
 * heartbeat:
 *   watch_topic: slo.heartbeat       # the default; the streams app publishes there every 10 s
 *   silent_after: 2m                 # the default: page when no heartbeat arrived for longer
 *   receiver: sre-pager              # optional: the page goes there, whatever the route tree says
 *   ping_url: https://hc-ping.example/abc   # optional (or ping_url_file): the router's own heartbeat, POSTed ...
 *   ping_interval: 1m                # ... this often (the default) while it runs
 * }</pre>
 *
 * @param receiver where the silent-pipeline page goes; empty: wherever the route tree sends it
 * @param pingUrl  where the router POSTs its own heartbeat; empty: nowhere. Its path often holds the check's key, so
 *                 {@link #toString()} masks it
 */
public record HeartbeatConfig(String watchTopic, Duration silentAfter, Optional<String> receiver, Optional<URI> pingUrl,
                              Duration pingInterval) {

    public static final String DEFAULT_TOPIC = "slo.heartbeat";
    public static final Duration DEFAULT_SILENT_AFTER = Duration.ofMinutes(2);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofMinutes(1);

    public HeartbeatConfig {
        Objects.requireNonNull(watchTopic, "watchTopic");
        Objects.requireNonNull(silentAfter, "silentAfter");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(pingUrl, "pingUrl");
        Objects.requireNonNull(pingInterval, "pingInterval");
    }

    @Override
    public String toString() {
        return "HeartbeatConfig[watchTopic=" + watchTopic + ", silentAfter=" + silentAfter + ", receiver=" + receiver
                + ", pingUrl=" + pingUrl.map(Redacted::url) + ", pingInterval=" + pingInterval + "]";
    }
}
