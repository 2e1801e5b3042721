package dev.slopipeline.run;

import dev.slopipeline.kit.lock.DataFolderLock;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterApp;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.streams.app.SloPipeline;
import dev.slopipeline.streams.app.StreamsApp;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.app.StreamsAppKeys;
import dev.slopipeline.ui.WebUi;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline in one process: an embedded Kafka broker unless {@code bootstrap.servers} is set, the streams app
 * and the alert router, or any one of them alone for scale-out. {@link #close()} stops them in the order that
 * loses nothing: the router first (it reads what the streams app writes), then the streams app, then the broker.
 */
public final class Pipeline implements AutoCloseable {

    /** The parts that can run on their own; the broker comes with whichever runs when no cluster is configured. */
    public enum Component { STREAMS, ROUTER }

    private final RunSettings settings;
    private final Consumer<String> progress;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private LocalBroker broker;
    private StreamsApp streams;
    private RouterApp router;
    private String bootstrapServers;
    private URI webUi;

    private Pipeline(RunSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static Builder builder(RunSettings settings) {
        return new Builder(settings);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The effective settings, with the embedded broker's address once it runs. */
    public RunSettings settings() {
        return bootstrapServers == null ? settings : settings.withBootstrapServers(bootstrapServers);
    }

    public Optional<URI> streamsUrl() {
        return Optional.ofNullable(streams).map(app -> URI.create("http://localhost:" + app.httpPort()));
    }

    public Optional<URI> routerUrl() {
        return Optional.ofNullable(router).map(app -> URI.create("http://localhost:" + app.httpPort()));
    }

    public Optional<URI> webUiUrl() {
        return Optional.ofNullable(webUi);
    }

    /**
     * Waits until every component's {@code /readyz} answers 200.
     *
     * @throws IllegalStateException naming the component that was not ready in time, with its reasons
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Readiness readiness = new Readiness();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Optional<URI> component : List.of(streamsUrl(), routerUrl())) {
            if (component.isPresent()) {
                Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
                Optional<String> problem = readiness.await(component.get(), left);
                if (problem.isPresent()) {
                    throw new IllegalStateException(component.get() + " was not ready within " + timeout.toSeconds()
                            + " s: " + problem.get());
                }
            }
        }
    }

    /**
     * {@code slo-pipeline ready: broker localhost:9092, streams http://localhost:8080, router http://localhost:9095,
     * web UI http://localhost:8090/}
     */
    public String readyLine() {
        List<String> parts = new ArrayList<>();
        parts.add((broker != null ? "broker " : "Kafka ") + bootstrapServers);
        streamsUrl().ifPresent(url -> parts.add("streams " + url));
        routerUrl().ifPresent(url -> parts.add("router " + url));
        webUiUrl().ifPresent(url -> parts.add("web UI " + url));
        return "slo-pipeline ready: " + String.join(", ", parts);
    }

    /**
     * Blocks until {@link #close()} ran (Ctrl-C, SIGTERM, another thread) or a component stopped after a failure.
     *
     * @return why a component stopped, empty after a close
     */
    public Optional<String> awaitTermination() throws InterruptedException {
        while (!closed.await(1, TimeUnit.SECONDS)) {
            if (streams != null && streams.state() == KafkaStreams.State.ERROR) {
                return Optional.of("the streams app stopped after repeated failures; see the log above");
            }
            if (router != null && router.streamsState() == KafkaStreams.State.ERROR) {
                return Optional.of("the alert router stopped after a failure; see the log above");
            }
            if (broker != null && broker.fatalError().isPresent()) {
                return Optional.of("the embedded Kafka broker failed: " + broker.fatalError().get());
            }
        }
        return Optional.empty();
    }

    /** Router, then streams app (waiting for it to finish), then broker, then the data folder locks. Runs once. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        RuntimeException failure = null;
        while (!opened.isEmpty()) {
            AutoCloseable next = opened.pop();
            try {
                next.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("slo-pipeline did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        closed.countDown();
        if (failure != null) {
            throw failure;
        }
    }

    private void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One running {@code slo run} per component and data folder: two streams apps on one state folder would fight
     * over its stores. The refusal names the process that holds the folder, so that one knows which to stop.
     */
    private DataFolderLock runLock(String component) {
        Path dataDir = settings.dataDir();
        return DataFolderLock.acquire(dataDir, component + ".lock", holder -> "slo-pipeline is already running the "
                + component + " with the data in " + dataDir.toAbsolutePath() + holder
                + "; stop it first (Ctrl-C), or give this one another --data-dir");
    }

    private void startAll(Set<Component> components, Optional<RouterConfig> routerConfig, Optional<String> webUiToken)
            throws InterruptedException {
        bootstrapServers = settings.streams().bootstrapServers().orElse(null);
        if (bootstrapServers == null && !LocalBroker.isInstalled()) {
            throw new IllegalStateException("bootstrap.servers is not set, and this installation has no embedded "
                    + "Kafka broker (the container image leaves it out): set bootstrap.servers in the config file, "
                    + StreamsAppKeys.BOOTSTRAP_SERVERS.envName() + " in the environment, or --bootstrap-servers");
        }
        if (components.contains(Component.STREAMS)) {
            opened.push(runLock("streams app"));
        }
        if (components.contains(Component.ROUTER)) {
            opened.push(runLock("alert router"));
        }
        if (bootstrapServers == null) {
            progress.accept("starting the embedded Kafka broker (data in " + settings.dataDir().resolve("kafka") + ")");
            broker = LocalBroker.start(settings);
            opened.push(broker);
            bootstrapServers = broker.bootstrapServers();
        }
        StreamsAppConfig streamsConfig = settings.streams().withBootstrapServers(bootstrapServers);
        if (components.contains(Component.STREAMS)) {
            progress.accept("starting the streams app (HTTP port " + streamsConfig.httpPort() + ")");
            streams = SloPipeline.start(streamsConfig);
            StreamsApp started = streams;
            // StreamsApp has a shutdown hook of its own: if it is already closing the app, close() returns at once,
            // so wait for the end before the broker goes
            opened.push(() -> {
                started.close();
                started.awaitTermination();
            });
        }
        if (components.contains(Component.ROUTER)) {
            RouterAppConfig routerSettings = settings.router().withBootstrapServers(bootstrapServers);
            progress.accept("starting the alert router (HTTP port " + routerSettings.httpPort() + ")");
            // with router.config the router watches its file: an edit applies live, a broken edit is refused and the
            // last good config stays
            router = routerConfig.isPresent() ? RouterApp.start(routerSettings, routerConfig.get())
                    : RouterApp.start(routerSettings);
            opened.push(router);
        }
        webUi = startWebUi(webUiToken).orElse(null);
    }

    /**
     * The web UI, served from this process next to the status and router APIs it shows, unless {@code ui.port} is
     * off. With a default token (the demo's) it answers this machine only, since it writes on behalf of its users.
     */
    private Optional<URI> startWebUi(Optional<String> defaultToken) {
        if (settings.uiPort().isEmpty()) {
            return Optional.empty();
        }
        progress.accept("starting the web UI (HTTP port " + settings.uiPort().getAsInt() + ")");
        WebUi.Builder builder = WebUi.builder().port(settings.uiPort().getAsInt());
        settings.uiHosts().forEach(builder::host);
        streamsUrl().ifPresent(builder::streamsUrl);
        routerUrl().ifPresent(builder::routerUrl);
        defaultToken.ifPresent(token -> builder.defaultToken(token).bindAddress(InetAddress.getLoopbackAddress().getHostAddress()));
        WebUi ui = builder.start();
        opened.push(ui);
        return Optional.of(ui.url());
    }

    /** What runs and how; {@link #start()} does it. */
    public static final class Builder {

        private final RunSettings settings;
        private Set<Component> components = EnumSet.allOf(Component.class);
        private Optional<RouterConfig> routerConfig = Optional.empty();
        private Consumer<String> progress = line -> { };
        private Optional<String> webUiToken = Optional.empty();

        private Builder(RunSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public Builder components(Set<Component> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("nothing to run: name at least one component");
            }
            this.components = EnumSet.copyOf(value);
            return this;
        }

        /** A router configuration given in code (the demo's), instead of {@code router.config}. */
        public Builder routerConfig(RouterConfig config) {
            this.routerConfig = Optional.of(config);
            return this;
        }

        /**
         * A token the web UI sends for its users (the demo's router token), so that they can acknowledge and silence
         * without entering one; the UI then listens on loopback only.
         */
        public Builder webUiToken(String token) {
            this.webUiToken = Optional.of(token);
            return this;
        }

        /** Where to say what is starting, one line per step. */
        public Builder progress(Consumer<String> value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * Starts the components; on a failure stops what had started and rethrows.
         *
         * @throws IllegalStateException when another process holds the data folder, or a component cannot start
         */
        public Pipeline start() throws InterruptedException {
            Pipeline pipeline = new Pipeline(settings, progress);
            try {
                pipeline.startAll(components, routerConfig, webUiToken);
                return pipeline;
            } catch (RuntimeException | InterruptedException e) {
                try {
                    pipeline.close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }
}
