package dev.slopipeline.router.oncall.heartbeat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's own heartbeat for an external dead man's switch (healthchecks.io, Cronitor, a PagerDuty heartbeat):
 * every {@code ping_interval}, while the router is healthy, a POST of
 * {@code {"source":"alert-router","instance":"...","at":"<ISO-8601>","state":"RUNNING"}} to {@code ping_url}. When the
 * router stops or is unhealthy the pings stop, and the outside service raises the alarm. Failed pings are logged
 * with the URL's host only: ping URLs often carry a secret in their path.
 */
public final class HeartbeatPinger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatPinger.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final String instance;
    private final BooleanSupplier healthy;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "router-heartbeat-ping");
        thread.setDaemon(true);
        return thread;
    });

    private HeartbeatPinger(URI url, String instance, BooleanSupplier healthy, Clock clock) {
        this.url = url;
        this.instance = instance;
        this.healthy = healthy;
        this.clock = clock;
    }

    /** Starts pinging at once, then every {@code interval}. */
    public static HeartbeatPinger start(URI url, Duration interval, String instance, BooleanSupplier healthy, Clock clock) {
        HeartbeatPinger pinger = new HeartbeatPinger(url, instance, healthy, clock);
        pinger.timer.scheduleAtFixedRate(pinger::pingIfHealthy, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return pinger;
    }

    private void pingIfHealthy() {
        if (!healthy.getAsBoolean()) {
            LOG.info("not sending the heartbeat to {}: the router is not healthy", url.getHost());
            return;
        }
        String body = "{\"source\":\"alert-router\",\"instance\":\"" + instance.replace("\"", "") + "\",\"at\":\""
                + clock.instant() + "\",\"state\":\"RUNNING\"}";
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("the heartbeat to {} was answered with HTTP {}", url.getHost(), response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            LOG.warn("the heartbeat to {} failed: {}", url.getHost(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
