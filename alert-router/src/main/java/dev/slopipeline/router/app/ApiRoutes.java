package dev.slopipeline.router.app;

import dev.slopipeline.kit.http.Handler;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.http.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The router's endpoints and who may call each, in one table: a route is added only together with its
 * {@link EndpointAccess}, and the token check is done here, before the handler runs. README's "Who may call what"
 * lists the same table.
 */
final class ApiRoutes {

    /** One row of the table. */
    record Endpoint(String method, String path, EndpointAccess access) {
    }

    /** A write's handler, told which token acted, for the audit trail. */
    @FunctionalInterface
    interface WriteHandler {
        Reply handle(Request request, ApiToken actingToken);
    }

    private final ApiAccess access;
    private final Routes routes = new Routes();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<String, Handler> guarded = new LinkedHashMap<>();

    ApiRoutes(ApiAccess access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    /** A health probe: open, answered on the server's own threads, so its handler must not block. */
    ApiRoutes probe(String path, Handler handler) {
        routes.probe(path, handler);
        return add("GET", path, EndpointAccess.OPEN, handler);
    }

    /** A GET anyone may call, such as {@code /metrics}. */
    ApiRoutes open(String path, Handler handler) {
        routes.get(path, handler);
        return add("GET", path, EndpointAccess.OPEN, handler);
    }

    /** An endpoint whose signed path is its own credential; it checks the signature itself. */
    ApiRoutes signedLink(String method, String path, Handler handler) {
        route(method, path, handler);
        return add(method, path, EndpointAccess.SIGNED_LINK, handler);
    }

    /** A GET of personal or operational detail. */
    ApiRoutes read(String path, Handler handler) {
        Handler checked = request -> access.check(request, ApiScope.READ) instanceof ApiAccess.Verdict.Refused refused
                ? refused.reply() : handler.handle(request);
        routes.get(path, checked);
        return add("GET", path, EndpointAccess.READ, checked);
    }

    /** A change: needs a write token, whose name the handler records. */
    ApiRoutes write(String method, String path, WriteHandler handler) {
        Handler checked = writeChecked(handler);
        route(method, path, checked);
        return add(method, path, EndpointAccess.WRITE, checked);
    }

    /** A POST change whose bodies have a limit of their own rather than the server's (batches from a tool). */
    ApiRoutes write(String path, int maxBodyBytes, WriteHandler handler) {
        Handler checked = writeChecked(handler);
        routes.post(path, maxBodyBytes, checked);
        return add("POST", path, EndpointAccess.WRITE, checked);
    }

    private Handler writeChecked(WriteHandler handler) {
        return request -> {
            ApiAccess.Verdict verdict = access.check(request, ApiScope.WRITE);
            if (verdict instanceof ApiAccess.Verdict.Refused refused) {
                return refused.reply();
            }
            // a write is never open, so a token always acted
            return handler.handle(request, ((ApiAccess.Verdict.Allowed) verdict).token().orElseThrow());
        };
    }

    List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    Routes routes() {
        return routes;
    }

    /** The handler behind an endpoint, its token check included: for tests of one endpoint without a server. */
    Handler handler(String method, String path) {
        Handler handler = guarded.get(method + " " + path);
        if (handler == null) {
            throw new IllegalArgumentException("no endpoint " + method + " " + path + "; there are " + endpoints);
        }
        return handler;
    }

    private void route(String method, String path, Handler handler) {
        switch (method) {
            case "GET" -> routes.get(path, handler);
            case "POST" -> routes.post(path, handler);
            case "DELETE" -> routes.delete(path, handler);
            default -> throw new IllegalArgumentException("the router's API has no " + method + " endpoints");
        }
    }

    private ApiRoutes add(String method, String path, EndpointAccess endpointAccess, Handler handler) {
        endpoints.add(new Endpoint(method, path, endpointAccess));
        guarded.put(method + " " + path, handler);
        return this;
    }
}
