package dev.slopipeline.streams.app;

import dev.slopipeline.definitions.publish.DefinitionRecords;
import dev.slopipeline.kit.http.Routes;
import dev.slopipeline.kit.http.WebServer;
import dev.slopipeline.kit.metrics.AppMeterRegistry;
import dev.slopipeline.streams.http.ClusterStatus;
import dev.slopipeline.streams.http.HealthCheck;
import dev.slopipeline.streams.http.HealthEndpoint;
import dev.slopipeline.streams.http.HttpEndpoints;
import dev.slopipeline.streams.http.SloStatusEndpoint;
import dev.slopipeline.streams.publish.ApplyOptions;
import dev.slopipeline.streams.publish.ApplyResult;
import dev.slopipeline.streams.publish.DefinitionPublisher;
import dev.slopipeline.streams.publish.DefinitionsTopic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams app around a topology: topics created, the streams client started with exactly-once
 * by default, its metrics in Prometheus, health, readiness and SLO status over HTTP, a {@linkplain Heartbeat
 * heartbeat} on {@code slo.heartbeat} while it runs, and a clean close on SIGTERM.
 *
 * <pre>{@code
 * try (StreamsApp app = StreamsApp.builder(config)
 *         .topology(topologyConfig -> SloTopology.build(new StreamsBuilder(topologyConfig), config))
 *         .readyWhen(definitionsLoaded)
 *         .start()) {
 *     app.awaitTermination();
 * }
 * }</pre>
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_THREAD_FAILURES = 5;
    private static final Duration THREAD_FAILURE_WINDOW = Duration.ofMinutes(10);

    private final StreamsAppConfig config;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final PrometheusMeterRegistry registry;
    private final WebServer http;
    private volatile Heartbeat heartbeat;
    private final Thread shutdownHook;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch runningOrStopped = new CountDownLatch(1);

    private StreamsApp(StreamsAppConfig config, KafkaStreams streams, KafkaStreamsMetrics streamsMetrics,
                       PrometheusMeterRegistry registry, WebServer http) {
        this.config = config;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.registry = registry;
        this.http = http;
        this.shutdownHook = new Thread(this::close, "slo-streams-shutdown");
    }

    public static Builder builder(StreamsAppConfig config) {
        return new Builder(config);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The port the HTTP endpoints listen on; the configured one, or the one picked for port 0. */
    public int httpPort() {
        return http.port();
    }

    /** Where the app's own meters and the streams client's metrics are; add yours here too. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /**
     * Blocks until the streams client first reached RUNNING, or the app stopped before that; {@link #state()}
     * tells which. For callers that announce readiness once, without polling the state.
     */
    public void awaitFirstRunning() throws InterruptedException {
        runningOrStopped.await();
    }

    /**
     * Blocks until the app was closed (the shutdown hook on SIGTERM, or another thread) or the streams client
     * gave up after repeated failures; in that case {@link #state()} is ERROR and the caller should close the
     * app and exit with a failure.
     */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops the streams client within {@code shutdown.timeout.ms}, leaving the consumer group so that other
     * instances take over its partitions at once instead of after the session timeout; then the HTTP
     * endpoints and the metrics. Runs once; later calls return at once.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Closing the streams app (waiting up to {} for the streams client)", config.shutdownTimeout());
        // silent from here on: a watcher must not take a stopping instance for a running one
        if (heartbeat != null) {
            heartbeat.close();
        }
        boolean clean = streams.close(CloseOptions.timeout(config.shutdownTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!clean) {
            LOG.warn("The streams client did not stop within {}", config.shutdownTimeout());
        }
        streamsMetrics.close();
        http.close();
        registry.close();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting already; the hook list cannot change any more, nor needs to
            }
        }
        stopped.countDown();
        runningOrStopped.countDown();
        LOG.info("Streams app closed{}", clean ? "" : " (the streams client did not stop in time)");
    }

    /** Alive unless the streams client gave up: it does not recover from ERROR by itself. */
    private Optional<String> livenessProblem() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                ? Optional.of("the streams client stopped after repeated failures (" + state + "); restart the process")
                : Optional.empty();
    }

    private Optional<String> streamsReadinessProblem() {
        if (closing.get()) {
            return Optional.of("shutting down");
        }
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING
                ? Optional.empty()
                : Optional.of("the streams client is " + state + ", not RUNNING");
    }

    /** Collects what the app runs; {@link #start()} does the work. */
    public static final class Builder {

        private final StreamsAppConfig config;
        private final List<HealthCheck> readinessChecks = new ArrayList<>();
        private Function<TopologyConfig, Topology> topology;

        private Builder(StreamsAppConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * The topology, built from the app's topology settings: {@code new StreamsBuilder(topologyConfig)}. Only
         * a builder made so refuses generated names for stores and internal topics (a TopologyException at
         * start), names that would change with the topology and orphan their state on an upgrade.
         */
        public Builder topology(Function<TopologyConfig, Topology> topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
            return this;
        }

        /** A topology built elsewhere; its names are not checked, see {@link #topology(Function)}. */
        public Builder topology(Topology topology) {
            Objects.requireNonNull(topology, "topology");
            return topology(ignored -> topology);
        }

        /**
         * A condition for {@code /readyz} beside the streams client being RUNNING, e.g. "definitions loaded". Probes
         * are answered on the server's own threads, so the check must answer at once.
         */
        public Builder readyWhen(HealthCheck check) {
            readinessChecks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /**
         * Creates the missing topics, applies {@code definitions.dir} if set, then starts the streams client and
         * the HTTP endpoints; returns without waiting for the client to be RUNNING ({@code /readyz} says when).
         *
         * @throws IllegalArgumentException if the definitions in {@code definitions.dir} have errors
         */
        public StreamsApp start() {
            if (topology == null) {
                throw new IllegalStateException("No topology: call topology(..) before start()");
            }
            LOG.info("Starting the streams app with\n  {}", String.join("\n  ", config.describe()));
            createTopics();
            config.definitionsDir().ifPresent(this::applyDefinitions);

            PrometheusMeterRegistry registry = new AppMeterRegistry();
            WebServer http = WebServer.bind(null, config.httpPort(), HttpEndpoints.LIMITS, "slo-http");
            HostInfo self = new HostInfo(config.advertisedHost(), http.port());
            KafkaStreams streams;
            try {
                Properties properties = StreamsProperties.of(config, self.host() + ":" + self.port());
                streams = new KafkaStreams(topology.apply(new TopologyConfig(new StreamsConfig(properties))), properties);
            } catch (RuntimeException e) {
                http.close();
                registry.close();
                throw e;
            }
            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            StreamsApp app = new StreamsApp(config, streams, streamsMetrics, registry, http);
            try {
                http.start(wire(app, self));
                streams.start();
                app.heartbeat = Heartbeat.start(config, self.host() + ":" + self.port(), streams::state);
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(app.shutdownHook);
            return app;
        }

        private Routes wire(StreamsApp app, HostInfo self) {
            KafkaStreams streams = app.streams;
            streams.setUncaughtExceptionHandler(new ThreadFailures(MAX_THREAD_FAILURES, THREAD_FAILURE_WINDOW,
                    Clock.systemUTC(), app.registry));
            streams.setStateListener((now, before) -> {
                LOG.info("Streams client {} -> {}", before, now);
                if (now == KafkaStreams.State.RUNNING) {
                    app.runningOrStopped.countDown();
                }
                if (now == KafkaStreams.State.ERROR) {
                    app.stopped.countDown();
                    app.runningOrStopped.countDown();
                }
            });
            app.streamsMetrics.bindTo(app.registry);
            Gauge.builder("slo.pipeline.streams.running", streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                    .description("1 while the streams client is RUNNING, 0 otherwise")
                    .register(app.registry);

            List<HealthCheck> readiness = new ArrayList<>(List.of(app::streamsReadinessProblem));
            readiness.addAll(readinessChecks);
            ClusterStatus status = new ClusterStatus(streams, config.statusStore(), self,
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PEER_TIMEOUT).build(),
                    PEER_TIMEOUT);
            return HttpEndpoints.routes(app.registry, HealthEndpoint.liveness(List.of(app::livenessProblem)),
                    HealthEndpoint.readiness(readiness), new SloStatusEndpoint(status, status.local()));
        }

        private void createTopics() {
            try (Admin admin = Admin.create(config.clientProperties())) {
                StreamsTopics.ensure(admin, config, ADMIN_TIMEOUT);
            }
        }

        /** As {@code slo apply} without {@code --prune}: definitions applied by hand since are kept. */
        private void applyDefinitions(Path folder) {
            DefinitionRecords records = DefinitionRecords.fromFiles(List.of(folder));
            records.problems().stream().filter(problem -> !problem.isError()).forEach(warning -> LOG.warn("{}", warning));
            DefinitionsTopic topic = new DefinitionsTopic(config.clientProperties(), config.topics().definitions(), ADMIN_TIMEOUT);
            ApplyResult result = new DefinitionPublisher(config.clientProperties(), topic, config.replication())
                    .apply(records, ApplyOptions.DEFAULT);
            LOG.info("Applied the definitions in {}: {}", folder, result.changes().summary(false));
        }
    }
}
