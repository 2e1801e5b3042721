package dev.slopipeline.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final int THREADS = 4;
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StaticAssets assets = new StaticAssets("ui");
    private final ApiProxy proxy;
    private final Optional<URI> streamsUrl;
    private final Optional<URI> routerUrl;
    private final boolean hasDefaultToken;

    private WebUi(HttpServer server, ExecutorService executor, Builder settings) {
        this.server = server;
        this.executor = executor;
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
        return server.getAddress().getPort();
    }

    /** Where a browser on this machine opens the UI. */
    public URI url() {
        return URI.create("http://localhost:" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.contains("/..") || path.toLowerCase(Locale.ROOT).contains("%2e")) {
                // forwarded paths stay below /api/v1/ of the app they go to
                Replies.error(exchange, 400, "a path must not contain dot segments");
            } else if (path.equals(SLOS) || path.startsWith(SLOS + "/")) {
                proxy.forward(exchange, "streams app", streamsUrl);
            } else if (path.startsWith(API)) {
                proxy.forward(exchange, "router", routerUrl);
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Replies.error(exchange, 405, exchange.getRequestMethod() + " is not supported here; only GET");
            } else if (path.equals("/ui-config")) {
                ObjectNode config = JsonNodeFactory.instance.objectNode()
                        .put("defaultToken", hasDefaultToken)
                        .put("refreshSeconds", REFRESH_SECONDS);
                Replies.json(exchange, 200, config);
            } else if (path.equals("/healthz")) {
                Replies.json(exchange, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"));
            } else {
                serveAsset(exchange, path);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("UI {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    private void serveAsset(HttpExchange exchange, String path) throws IOException {
        Optional<StaticAssets.Asset> asset = assets.find(path);
        if (asset.isEmpty()) {
            Replies.error(exchange, 404, "nothing at " + path);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", asset.get().contentType());
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        Replies.send(exchange, 200, exchange.getRequestMethod().equals("HEAD") ? new byte[0] : asset.get().body());
    }

    /** Collects the settings; {@link #start()} binds the port and serves. */
    public static final class Builder {

        private int port = 8090;
        private String bindAddress;
        private URI streamsUrl;
        private URI routerUrl;
        private String defaultToken;

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
            InetSocketAddress address = bindAddress == null ? new InetSocketAddress(port) : new InetSocketAddress(bindAddress, port);
            HttpServer server;
            try {
                server = HttpServer.create(address, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("the web UI cannot listen on " + address + ": " + e.getMessage(), e);
            }
            AtomicInteger threads = new AtomicInteger();
            // Several threads: a forwarded request waits for the app behind it.
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "slo-ui-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            WebUi ui = new WebUi(server, executor, this);
            server.createContext("/", ui::exchange);
            server.start();
            LOG.info("web UI on {} (streams app {}, router {}{})", ui.url(), ui.streamsUrl.map(URI::toString).orElse("not set"),
                    ui.routerUrl.map(URI::toString).orElse("not set"), defaultToken != null ? ", with a default token" : "");
            return ui;
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
