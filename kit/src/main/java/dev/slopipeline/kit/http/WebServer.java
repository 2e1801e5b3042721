package dev.slopipeline.kit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP server, as both apps and the web UI serve: Jetty's core (no servlets), reading and writing without a
 * thread held per slow client, within the {@link Limits}.
 *
 * <p>Three kinds of thread: Jetty's own few, which accept, parse, run {@linkplain Routes#probe probes} and write; the
 * {@link Limits#workers() workers}, which run every other handler (they may wait on Kafka or another server); and
 * none per client. So neither slow clients nor slow handlers delay {@code /healthz}.
 *
 * <p>Bound before it starts, so that the port (0 picks one) is known while the rest of an app is put together:
 *
 * <pre>{@code
 * WebServer http = WebServer.bind(null, 0, Limits.DEFAULT, "router-http");
 * URI self = URI.create("http://localhost:" + http.port());
 * http.start(new Routes().probe("/healthz", health::live));
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Jetty's threads never wait on a handler, so a few serve any number of connections. */
    private static final int SERVER_THREADS = 12;
    /** How long a closing server lets requests under way finish. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final Limits limits;
    private final Server server;
    private final ServerConnector connector;
    private final int port;
    private final AtomicInteger inFlight = new AtomicInteger();
    private ThreadPoolExecutor workers;
    private HeaderDeadline headerDeadline;
    private boolean started;
    private boolean closed;

    private WebServer(String name, Limits limits, Server server, ServerConnector connector) {
        this.name = name;
        this.limits = limits;
        this.server = server;
        this.connector = connector;
        // kept: Jetty forgets it once closed, and callers may still name the port they served on
        this.port = connector.getLocalPort();
    }

    /**
     * Listens on {@code host} (null: every interface) at {@code port} (0: any free port), but answers nothing until
     * {@link #start}.
     *
     * @param name names the server's threads and log lines ({@code router-http})
     * @throws UncheckedIOException when the port cannot be had
     */
    public static WebServer bind(String host, int port, Limits limits, String name) {
        QueuedThreadPool threads = new QueuedThreadPool(SERVER_THREADS, 2);
        threads.setName(name);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idle().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new JsonErrors());
        // the grace for requests under way is close()'s own; Jetty's graceful stop would add a wait of its own
        server.setStopTimeout(0);
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP on " + (host == null ? "" : host) + ":" + port
                    + ": " + e.getMessage(), e);
        }
        return new WebServer(name, limits, server, connector);
    }

    /** The port listened on: the one asked for, or the one picked for 0. */
    public int port() {
        return port;
    }

    /** Serves {@code routes} (which must not change from here on) until closed. */
    public synchronized void start(Routes routes) {
        if (started || closed) {
            throw new IllegalStateException("a server starts once");
        }
        AtomicInteger count = new AtomicInteger();
        workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, name + "-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        server.setHandler(new Dispatch(routes));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(name + " cannot start: " + e.getMessage(), e);
        }
        headerDeadline = new HeaderDeadline(connector, limits.requestRead());
        headerDeadline.start();
        started = true;
        LOG.info("{} serves HTTP on port {}: {}", name, port(), routes.templates());
    }

    /** Stops accepting, lets requests under way finish for up to two seconds, then closes every connection. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            awaitRequestsUnderWay();
            headerDeadline.stop();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly: {}", name, e.toString());
        }
        // a server closed before it started holds its socket until the connector itself lets go
        connector.close();
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private void awaitRequestsUnderWay() {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void finished() {
        synchronized (inFlight) {
            inFlight.decrementAndGet();
            inFlight.notifyAll();
        }
    }

    /** Jetty's entry: every request becomes an {@link Exchange}. */
    private final class Dispatch extends org.eclipse.jetty.server.Handler.Abstract {

        private final Routes routes;

        Dispatch(Routes routes) {
            this.routes = routes;
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback) {
            inFlight.incrementAndGet();
            Exchange.Context context = new Exchange.Context(routes, limits, workers, connector.getScheduler());
            new Exchange(context, request, response, Callback.from(callback, WebServer.this::finished)).begin();
            return true;
        }
    }
}
