package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.util.Optional;

/**
 * {@code GET /api/v1/status/config} (read) shows whether the last reload went live and, if not, why; {@code POST
 * /-/reload} (write) reloads the config file now, as Alertmanager's endpoint of that name does. Without a config
 * file there is nothing to reload: both say so.
 */
final class ConfigEndpoints {

    static final String STATUS_PATH = "/api/v1/status/config";
    static final String RELOAD_PATH = "/-/reload";

    private final Optional<ConfigReloader> reloader;

    ConfigEndpoints(Optional<ConfigReloader> reloader) {
        this.reloader = reloader;
    }

    Reply status(Request request) {
        if (reloader.isEmpty()) {
            return Reply.json(200, Json.object().putNull("file").put("reloadable", false));
        }
        ObjectNode body = Json.object().put("file", reloader.get().file().toString());
        reloader.get().onCallFile().ifPresent(onCall -> body.put("onCallFile", onCall.toString()));
        body.put("reloadable", true);
        describe(body.putObject("lastReload"), reloader.get().status());
        return Reply.json(200, body);
    }

    Reply reload(Request request) {
        if (reloader.isEmpty()) {
            return Reply.error(409, "this router was started with a config but no config file, so there is nothing to "
                    + "reload; start it with router.config set to the file");
        }
        ConfigReloader.Status status = reloader.get().reload();
        if (status.successful()) {
            return Reply.json(200, describe(Json.object(), status));
        }
        ObjectNode body = Json.object().put("error", "the config has errors; the previous config stays live")
                .put("status", 400);
        status.problems().forEach(body.putArray("problems")::add);
        return Reply.json(400, body);
    }

    private static ObjectNode describe(ObjectNode node, ConfigReloader.Status status) {
        node.put("successful", status.successful())
                .put("at", status.attemptedAt().toString())
                .put("lastSuccessAt", status.lastSuccessAt().toString())
                .put("sha256", status.hash());
        status.problems().forEach(node.putArray("problems")::add);
        return node;
    }
}
