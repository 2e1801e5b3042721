package dev.slopipeline.ui;

import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Limits;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.http.Routes;
import dev.slopipeline.kit.http.WebServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI: serves its bundled files (plain HTML, CSS and JavaScript; no build step, nothing fetched from the
 * internet) and forwards the API calls the page makes to the apps that answer them.
 *
 * <ul>
 *   <li>{@code GET /} and {@code GET /<file>}: the page and its assets.</li>
 *   <li>{@code GET /ui-config}: {@code {"defaultToken":true|false,"refreshSeconds":5}}, what the page needs to
 *       know about this server (never the token itself).</li>
 *   <li>{@code /api/v1/slos} and below: forwarded to the streams app (SLO status and history).</li>
 *   <li>every other {@code /api/v1/...} path (incidents, oncall, silences, deliveries): forwarded to the
 *       router.</li>
 *   <li>{@code GET /healthz}: 200 while the UI server runs.</li>
 * </ul>
 * Forwarded requests keep the browser's {@code Authorization} header, so the apps' own token rules apply. The page
 * keeps a token the user enters in the browser's local storage. A {@linkplain Builder#defaultToken default token}
 * is for a local demo: the UI then sends it on behalf of anyone who can reach its port, so bind such a UI to
 * loopback ({@link Builder#bindAddress}).
 *
 * <p>Every request must name a host the UI serves ({@code localhost}, an IP address, this machine's name, or one
 * given to {@link Builder#host}), and a write that comes from a page must come from the UI's own: otherwise 403, so
 * that no other web site can drive the UI through the browser of someone who has it open ({@link HostAndOrigin}).
 *
 * <pre>{@code
 * try (WebUi ui = WebUi.builder()
 *         .port(8090)
 *         .streamsUrl(URI.create("http://localhost:8080"))
 *         .routerUrl(URI.create("http://localhost:9095"))
 *         .start()) {
 *     System.out.println("UI on " + ui.url());
 * }
 * }</pre>
 */
public final class WebUi implements AutoCloseable {

    /** How often the page refreshes what it shows. */
    public static final int REFRESH_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);
    private static final String API = "/api/v1/";
    private static final String SLOS = "/api/v1/slos";
    private static final Limits LIMITS = Limits.DEFAULT.withMaxBodyBytes(ApiProxy.MAX_BODY_BYTES);
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private final WebServer server;
    private final StaticAssets assets = new StaticAssets("ui");
    private final ApiProxy proxy;
    private final Optional<URI> streamsUrl;
    private final Optional<URI> routerUrl;
    private final boolean hasDefaultToken;

    private WebUi(WebServer server, Builder settings) {
        this.server = server;
        this.streamsUrl = Optional.ofNullable(settings.streamsUrl);
        this.routerUrl = Optional.ofNullable(settings.routerUrl);
        this.hasDefaultToken = settings.defaultToken != null;
        this.proxy = new ApiProxy(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Optional.ofNullable(settings.defaultToken));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the UI listens on: the configured one, or the one picked for port 0. */
    public int port() {
        return server.port();
    }

    /** Where a browser on this machine opens the UI. */
    public URI url() {
        return URI.create("http://localhost:" + port() + "/");
    }

    @Override
    public void close() {
        server.close();
    }

    private Routes routes(HostAndOrigin hostAndOrigin) {
        return new Routes()
                .guard(hostAndOrigin)
                .guard(WebUi::dotSegments)
                .any(SLOS, request -> proxy.forward(request, "streams app", streamsUrl))
                .any(SLOS + "/{path...}", request -> proxy.forward(request, "streams app", streamsUrl))
                .any(API + "{path...}", request -> proxy.forward(request, "router", routerUrl))
                .get("/ui-config", request -> Reply.json(200, Json.object()
                        .put("defaultToken", hasDefaultToken)
                        .put("refreshSeconds", REFRESH_SECONDS)))
                .probe("/healthz", request -> Reply.json(200, Json.object().put("status", "ok")))
                .get("/", this::asset)
                .head("/", this::asset)
                .get("/{file}", this::asset)
                .head("/{file}", this::asset);
    }

    /** Forwarded paths stay below {@code /api/v1/} of the app they go to. */
    private static Optional<Reply> dotSegments(Request request) {
        String path = request.rawPath();
        return path.contains("/..") || path.toLowerCase(Locale.ROOT).contains("%2e")
                ? Optional.of(Reply.error(400, "a path must not contain dot segments"))
                : Optional.empty();
    }

    /** A bundled file; HEAD gets the same headers, and the server sends no body. */
    private Reply asset(Request request) {
        Optional<StaticAssets.Asset> asset = assets.find(request.rawPath());
        if (asset.isEmpty()) {
            return Reply.error(404, "nothing at " + request.path());
        }
        return new Reply(200, asset.get().contentType(), asset.get().body(), Map.of(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY, "Referrer-Policy", "no-referrer"));
    }

    /** Collects the settings; {@link #start()} binds the port and serves. */
    public static final class Builder {

        private int port = 8090;
        private String bindAddress;
        private URI streamsUrl;
        private URI routerUrl;
        private String defaultToken;
        private final List<String> hosts = new ArrayList<>();

        private Builder() {
        }

        /** The port to listen on; 0 picks a free one. Default 8090. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65535) {
                throw new IllegalArgumentException("the UI port must be within 0..65535, was " + newPort);
            }
            this.port = newPort;
            return this;
        }

        /** The interface to listen on ({@code 127.0.0.1} for this machine only); every interface by default. */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /**
         * A host name people reach the UI by ({@code slo.example.com}), beside {@code localhost}, IP addresses and this
         * machine's own name, which it always serves; a request for any other name is refused.
         */
        public Builder host(String name) {
            if (name == null || name.isBlank() || name.contains(":") || name.contains("/")) {
                throw new IllegalArgumentException("a host is a name without port or path, such as slo.example.com, was "
                        + name);
            }
            hosts.add(name);
            return this;
        }

        /** The streams app's HTTP base URL ({@code http://host:8080}); without it the SLO views say it is missing. */
        public Builder streamsUrl(URI url) {
            this.streamsUrl = checked(url, "streamsUrl");
            return this;
        }

        /** The router's HTTP base URL ({@code http://host:9095}); without it incidents, on-call and silences are missing. */
        public Builder routerUrl(URI url) {
            this.routerUrl = checked(url, "routerUrl");
            return this;
        }

        /**
         * A token sent for requests that bring none, so that the page can acknowledge and silence without asking
         * for one: for a local demo. Without it the page asks the user for a token before any write.
         */
        public Builder defaultToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a default token must not be blank");
            }
            this.defaultToken = token;
            return this;
        }

        /** Binds the port and starts serving. */
        public WebUi start() {
            WebServer server = WebServer.bind(bindAddress, port, LIMITS, "slo-ui");
            WebUi ui = new WebUi(server, this);
            try {
                server.start(ui.routes(new HostAndOrigin(servedHosts())));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            LOG.info("web UI on {} (streams app {}, router {}{})", ui.url(), ui.streamsUrl.map(URI::toString).orElse("not set"),
                    ui.routerUrl.map(URI::toString).orElse("not set"), defaultToken != null ? ", with a default token" : "");
            return ui;
        }

        private List<String> servedHosts() {
            List<String> served = new ArrayList<>(hosts);
            if (bindAddress != null) {
                served.add(bindAddress);
            }
            try {
                served.add(InetAddress.getLocalHost().getHostName());
            } catch (UnknownHostException e) {
                LOG.debug("this machine's name is unknown, so the UI serves it only under the names it was given", e);
            }
            return served;
        }

        private static URI checked(URI url, String what) {
            Objects.requireNonNull(url, what);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an http(s) URL with a host, was " + url);
            }
            return url;
        }
    }
}
