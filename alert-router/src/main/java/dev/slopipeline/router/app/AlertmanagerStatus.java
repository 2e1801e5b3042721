package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.delivery.ReceiverConfig;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Alertmanager's {@code GET /api/v2/status} and {@code GET /api/v2/receivers}, which amtool and Grafana call first.
 * The router has no gossip cluster (its instances share Kafka), so {@code cluster} names this instance, has no
 * peers, and is {@code ready} while the streams client runs. {@code config.original} does not show the config file,
 * which may hold credentials: it says which file is live, as {@code GET /api/v1/status/config} does in full.
 */
final class AlertmanagerStatus {

    static final String STATUS_PATH = "/api/v2/status";
    static final String RECEIVERS_PATH = "/api/v2/receivers";

    private final String instance;
    private final Instant startedAt;
    private final BooleanSupplier running;
    private final Supplier<RouterConfig> liveConfig;
    private final Optional<ConfigReloader> reloader;

    AlertmanagerStatus(String instance, Instant startedAt, BooleanSupplier running, Supplier<RouterConfig> liveConfig,
                       Optional<ConfigReloader> reloader) {
        this.instance = instance;
        this.startedAt = startedAt;
        this.running = running;
        this.liveConfig = liveConfig;
        this.reloader = reloader;
    }

    Reply status(Request request) {
        ObjectNode body = Json.object();
        ObjectNode cluster = body.putObject("cluster").put("name", instance)
                .put("status", running.getAsBoolean() ? "ready" : "settling");
        cluster.putArray("peers");
        String version = Optional.ofNullable(RouterApp.class.getPackage().getImplementationVersion()).orElse("unknown");
        body.putObject("versionInfo").put("version", version).put("revision", "").put("branch", "")
                .put("buildUser", "").put("buildDate", "").put("goVersion", "none; Java " + Runtime.version());
        body.putObject("config").put("original", reloader
                .map(live -> "# the router config of " + live.file() + ", sha256 " + live.status().hash()
                        + "; not shown here, as it may hold credentials\n")
                .orElse("# the router config given in code at start; not shown here, as it may hold credentials\n"));
        return Reply.json(200, body.put("uptime", AlertmanagerJson.time(startedAt)));
    }

    Reply receivers(Request request) {
        ArrayNode names = Json.object().arrayNode();
        for (ReceiverConfig receiver : liveConfig.get().receivers()) {
            names.addObject().put("name", receiver.name());
        }
        return Reply.json(200, names);
    }
}
