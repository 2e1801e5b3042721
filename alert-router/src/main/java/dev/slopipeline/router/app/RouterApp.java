package dev.slopipeline.router.app;

import dev.slopipeline.kit.kafka.TopicBootstrap;
import dev.slopipeline.kit.http.Limits;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.WebServer;
import dev.slopipeline.kit.metrics.AppMeterRegistry;
import dev.slopipeline.router.config.LoadedConfig;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import dev.slopipeline.router.delivery.PendingDelivery;
import dev.slopipeline.router.delivery.service.DeliveryService;
import dev.slopipeline.router.delivery.service.ReceiverFactory;
import dev.slopipeline.router.oncall.escalation.PagingOptions;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatConfig;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatPinger;
import dev.slopipeline.router.oncall.incident.IncidentMetrics;
import dev.slopipeline.router.oncall.incident.IncidentView;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.router.topology.RouterTopology;
import dev.slopipeline.router.topology.RouterTopologyConfig;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running alert router: its topics created, the routing topology on Kafka Streams (exactly once), the delivery
 * service, and the HTTP API with its metrics. See the package overview for the endpoints and their tokens.
 *
 * <pre>{@code
 * try (RouterApp app = RouterApp.start(RouterAppConfig.builder().file(settingsFile).env(System.getenv()).build())) {
 *     ...
 * }
 * }</pre>
 *
 * A router is single-use: once closed, start a new one (same application id and state dir to carry on).
 */
public final class RouterApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterApp.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** The routing config without router.config: every alert is grouped and kept in the router, and sent nowhere. */
    private static final String SEND_NOWHERE = """
            route:
              receiver: nowhere
              group_by: [slo, severity]
            receivers:
            - name: nowhere
            """;
    /** A silence, an acknowledgement or a reload fits in far less than 64 KiB; posted alerts have their own limit. */
    private static final Limits HTTP_LIMITS = Limits.DEFAULT.withMaxBodyBytes(64 * 1024);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final DeliveryService delivery;
    private final KafkaProducer<String, byte[]> commands;
    private final WebServer http;
    private final PrometheusMeterRegistry registry;
    private final Optional<ConfigReloader> reloader;
    private final CommandRefusals refusals;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Instant startedAt = Instant.now();
    private HeartbeatPinger pinger;
    private List<ApiRoutes.Endpoint> endpoints = List.of();

    private RouterApp(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics, DeliveryService delivery,
                      KafkaProducer<String, byte[]> commands, WebServer http, PrometheusMeterRegistry registry,
                      Optional<ConfigReloader> reloader, CommandRefusals refusals) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.delivery = delivery;
        this.commands = commands;
        this.http = http;
        this.registry = registry;
        this.reloader = reloader;
        this.refusals = refusals;
    }

    /**
     * Starts a router on the routing config of {@code router.config} (with {@code router.oncall.config}), or, without
     * one, on a built-in tree that groups every alert and sends it nowhere.
     *
     * @throws IllegalArgumentException when {@code router.config} or {@code router.oncall.config} has errors
     * @see #start(RouterAppConfig, RouterConfig)
     */
    public static RouterApp start(RouterAppConfig settings) throws InterruptedException {
        return start(settings, settings.configFile()
                .map(file -> loadLoggingWarnings(file, settings.onCallConfigFile()))
                .orElseGet(() -> RouterConfigLoader.parse("(built-in router config)", SEND_NOWHERE).orElseThrow()));
    }

    /** Warnings, such as the combined form's deprecation, are logged at start as at every reload. */
    private static RouterConfig loadLoggingWarnings(Path file, Optional<Path> onCallFile) {
        LoadedConfig loaded = RouterConfigLoader.load(file, onCallFile);
        loaded.problems().stream().filter(problem -> !problem.isError()).forEach(warning -> LOG.warn("{}", warning));
        return loaded.orElseThrow();
    }

    /**
     * Creates the missing topics, starts the delivery service, the HTTP API and the streams client; returns without
     * waiting for the streams client to be RUNNING ({@code /readyz} says when). With {@code router.config} set, the
     * router reloads that file when its content changes and on {@code POST /-/reload}, keeping groups, timers and
     * pending deliveries.
     *
     * @param config what to route, e.g. read from {@code router.config} or built in code
     * @throws IllegalStateException when Kafka cannot be reached or refuses a topic
     * @throws InterruptedException  when interrupted while waiting for Kafka
     */
    public static RouterApp start(RouterAppConfig settings, RouterConfig config) throws InterruptedException {
        return new Starter(settings, config).start();
    }

    /** The port of the HTTP API: the configured one, or the one picked for port 0. */
    public int httpPort() {
        return http.port();
    }

    /** The API's endpoints and who may call each. */
    List<ApiRoutes.Endpoint> endpoints() {
        return endpoints;
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /** Deliveries this instance has not finished, as {@code GET /api/v1/deliveries/pending} lists them. */
    public List<PendingDelivery> pendingDeliveries() {
        return delivery.pending();
    }

    /**
     * Stops routing (leaving the consumer group, so other instances take over at once), then delivering (an attempt
     * under way stays pending for whoever delivers next), then the API and the metrics. Runs once.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        reloader.ifPresent(ConfigReloader::close);
        if (pinger != null) {
            pinger.close();
        }
        boolean clean = streams.close(CloseOptions.timeout(KAFKA_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (!clean) {
            LOG.warn("the streams client did not stop within {}", KAFKA_TIMEOUT);
        }
        delivery.close();
        commands.close(KAFKA_TIMEOUT);
        http.close();
        try {
            refusals.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streamsMetrics.close();
        registry.close();
        LOG.info("alert router closed");
    }

    private Optional<String> livenessProblem() {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            return Optional.of("the streams client stopped after a failure (" + state + "); restart the router");
        }
        return delivery.failure().map(failure -> "the delivery service stopped: " + failure);
    }

    private Optional<String> streamsReadinessProblem() {
        if (closing.get()) {
            return Optional.of("shutting down");
        }
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Optional.empty()
                : Optional.of("the streams client is " + state + ", not RUNNING");
    }

    private Optional<String> deliveryReadinessProblem() {
        return delivery.failure().map(failure -> "the delivery service is not running: " + failure);
    }

    private ReadOnlyKeyValueStore<String, byte[]> silencesStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(RouterTopology.SILENCES_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, byte[]> activeAlertsStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(RouterTopology.ACTIVE_ALERTS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private IncidentView incidents() {
        return new IncidentView(streams.store(StoreQueryParameters.fromNameAndType(RouterTopology.INCIDENTS_VIEW_STORE,
                QueryableStoreTypes.keyValueStore())));
    }

    /** Every endpoint with who may call it: see {@link ApiRoutes}. */
    private ApiRoutes routes(RouterAppConfig settings, Supplier<RouterConfig> liveConfig) {
        RouterTopics topics = settings.topics();
        Health health = new Health(List.of(this::livenessProblem),
                List.of(this::streamsReadinessProblem, this::deliveryReadinessProblem));
        SilenceDesk silenceDesk = new SilenceDesk(commands, topics.commands(), this::silencesStore,
                refusals::reasonFor, settings.silenceLimits(), Clock.systemUTC());
        SilenceEndpoints silences = new SilenceEndpoints(silenceDesk);
        AlertmanagerSilences amSilences = new AlertmanagerSilences(silenceDesk);
        AlertmanagerAlertIntake amIntake = new AlertmanagerAlertIntake(new CommandSender(commands), topics.postedAlerts(),
                Clock.systemUTC());
        AlertmanagerAlerts amAlerts = new AlertmanagerAlerts(this::activeAlertsStore, silenceDesk, liveConfig,
                DefaultInhibition.ON);
        AlertmanagerStatus amStatus = new AlertmanagerStatus(settings.instanceId(), startedAt,
                () -> streamsReadinessProblem().isEmpty(), liveConfig, reloader);
        PendingDeliveries pending = new PendingDeliveries(delivery::pending);
        IncidentEndpoints incidentApi = new IncidentEndpoints(new CommandSender(commands),
                topics.incidentCommands(), this::incidents, Clock.systemUTC());
        // The secret and the schedules are read from the live config at each request: a reload applies at once.
        AckLinkEndpoint ackLinks = new AckLinkEndpoint(() -> liveConfig.get().paging().options().ackLinks()
                .map(PagingOptions.AckLinks::secret), incidentApi, this::incidents, Clock.systemUTC());
        OnCallEndpoints onCallApi = new OnCallEndpoints(() -> liveConfig.get().paging().onCall(),
                this::incidents, Clock.systemUTC());
        ConfigEndpoints configApi = new ConfigEndpoints(reloader);
        return new ApiRoutes(settings.access())
                .probe("/healthz", health::live)
                .probe("/readyz", health::ready)
                .open("/metrics", request -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8",
                        registry.scrape().getBytes(StandardCharsets.UTF_8), Map.of()))
                .read(SilenceEndpoints.PATH, silences::list)
                .write("POST", SilenceEndpoints.PATH, silences::create)
                .write("DELETE", SilenceEndpoints.PATH + "/{id}", (request, token) -> silences.expire(request))
                .read(PendingDeliveries.PATH, pending::list)
                .read(IncidentEndpoints.PATH, incidentApi::list)
                .read(IncidentEndpoints.PATH + "/{id}", incidentApi::show)
                .write("POST", IncidentEndpoints.PATH + "/{id}/{action}", incidentApi::act)
                .signedLink("GET", AckLinkEndpoint.PATH + "{token}", ackLinks::confirm)
                .signedLink("POST", AckLinkEndpoint.PATH + "{token}", ackLinks::acknowledge)
                .read(OnCallEndpoints.PATH, onCallApi::now)
                .read(OnCallEndpoints.REPORT_PATH, onCallApi::report)
                .read(ConfigEndpoints.STATUS_PATH, configApi::status)
                .write("POST", ConfigEndpoints.RELOAD_PATH, (request, token) -> configApi.reload(request))
                // Alertmanager's API v2, for Prometheus, amtool and Grafana
                .probe("/-/healthy", health::live)
                .probe("/-/ready", health::ready)
                .write(AlertmanagerAlertIntake.PATH, AlertmanagerAlertIntake.MAX_BODY_BYTES,
                        (request, token) -> amIntake.post(request))
                .read(AlertmanagerAlerts.PATH, amAlerts::list)
                .read(AlertmanagerAlerts.GROUPS_PATH, amAlerts::groups)
                .read(AlertmanagerStatus.STATUS_PATH, amStatus::status)
                .read(AlertmanagerStatus.RECEIVERS_PATH, amStatus::receivers)
                .read(AlertmanagerSilences.LIST_PATH, amSilences::list)
                .write("POST", AlertmanagerSilences.LIST_PATH, amSilences::create)
                .read(AlertmanagerSilences.ONE_PATH, amSilences::show)
                .write("DELETE", AlertmanagerSilences.ONE_PATH, (request, token) -> amSilences.expire(request));
    }

    /** Starts the parts in order, and closes what had started when one fails. */
    private static final class Starter {

        private final RouterAppConfig settings;
        private final RouterConfig config;

        private Starter(RouterAppConfig settings, RouterConfig config) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.config = Objects.requireNonNull(config, "config");
        }

        RouterApp start() throws InterruptedException {
            Deque<AutoCloseable> opened = new ArrayDeque<>();
            try {
                return start(opened);
            } catch (RuntimeException | InterruptedException e) {
                closeAll(opened, e);
                throw e;
            }
        }

        private RouterApp start(Deque<AutoCloseable> opened) throws InterruptedException {
            try (Admin admin = Admin.create(clientConfig(Map.of()))) {
                new TopicBootstrap(admin, KAFKA_TIMEOUT).ensure(RouterTopicLayout.of(settings.topics(),
                        settings.delivery().topics(), config.paging().heartbeat().map(HeartbeatConfig::watchTopic)));
            }
            PrometheusMeterRegistry registry = new AppMeterRegistry();
            if (!settings.personLabels()) {
                registry.config().meterFilter(IncidentMetrics.withoutPersonLabels());
            }
            opened.push(registry::close);
            WebServer http = WebServer.bind(null, settings.httpPort(), HTTP_LIMITS, "router-http");
            opened.push(http);
            URI external = settings.externalUrl().orElse(URI.create("http://localhost:" + http.port()));

            ReceiverFactory receivers = new ReceiverFactory(
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC());
            DeliveryService delivery = DeliveryService.builder(settings.clientProperties(), receivers.build(config), registry)
                    .settings(settings.delivery())
                    .retryPolicy(config.retryPolicy())
                    .start();
            opened.push(delivery);

            KafkaProducer<String, byte[]> commands = new KafkaProducer<>(clientConfig(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
            opened.push(commands);
            CommandRefusals refusals = CommandRefusals.start(clientConfig(Map.of()), settings.topics().deadLetters(),
                    settings.topics().commands());
            opened.push(refusals);

            RouterTopologyConfig topology = new RouterTopologyConfig(config, settings.topics(), settings.punctuationInterval(), external,
                    DefaultInhibition.ON, registry, settings.silenceLimits());
            AtomicReference<RouterConfig> liveConfig = new AtomicReference<>(config);
            KafkaStreams streams = new KafkaStreams(RouterTopology.build(topology, liveConfig::get),
                    streamsProperties());
            opened.push(streams);
            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(registry);
            opened.push(streamsMetrics);
            streams.setStateListener((now, before) -> LOG.info("streams client {} -> {}", before, now));

            Optional<ConfigReloader> reloader = settings.configFile().map(file -> new ConfigReloader(file,
                    settings.onCallConfigFile(),
                    // Delivery first: the topology may name a new receiver in its very next intent.
                    newer -> {
                        warnOfRestartOnlyChanges(liveConfig.get(), newer);
                        delivery.reconfigure(receivers.build(newer), newer.retryPolicy());
                        liveConfig.set(newer);
                    }, registry, Clock.systemUTC()));
            reloader.ifPresent(opened::push);
            RouterApp app = new RouterApp(streams, streamsMetrics, delivery, commands, http, registry, reloader,
                    refusals);
            // the router's own heartbeat, for a dead man's switch outside; it stops with the router. Its URL and
            // interval are the start-up config's: a reload does not move it (see the package overview).
            config.paging().heartbeat().flatMap(heartbeat -> heartbeat.pingUrl().map(url -> HeartbeatPinger.start(url,
                    heartbeat.pingInterval(), settings.applicationId(), () -> app.livenessProblem().isEmpty()
                            && app.streamsReadinessProblem().isEmpty(), Clock.systemUTC())))
                    .ifPresent(pinger -> {
                        opened.push(pinger);
                        app.pinger = pinger;
                    });
            ApiRoutes api = app.routes(settings, liveConfig::get);
            app.endpoints = api.endpoints();
            http.start(api.routes());
            streams.start();
            reloader.ifPresent(watcher -> watcher.watch(settings.configCheckInterval()));
            LOG.info("alert router {} started: HTTP API on port {}, topics {}, deliveries on {}, API {}",
                    settings.applicationId(), http.port(), settings.topics(), settings.delivery().topics().deliveries(),
                    settings.access());
            if (settings.access().readsOpen()) {
                LOG.warn("the router's API has no token configured: anyone who reaches port {} reads who is on call, "
                        + "their pages and times to acknowledge, incidents, silences and delivery errors. That suits a "
                        + "local setup only; elsewhere set router.api.token (and router.api.read.token for readers)",
                        http.port());
            }
            return app;
        }

        /** The heartbeat settings that shape the running router take a restart; a reload says so rather than pretend. */
        private static void warnOfRestartOnlyChanges(RouterConfig live, RouterConfig newer) {
            if (!restartOnly(live).equals(restartOnly(newer))) {
                LOG.warn("the reloaded config adds or removes the heartbeat section or changes its watch_topic, "
                        + "ping_url or ping_interval: those apply after a restart; everything else applies now");
            }
        }

        private static Optional<List<Object>> restartOnly(RouterConfig config) {
            return config.paging().heartbeat().map(heartbeat -> List.of(heartbeat.watchTopic(), heartbeat.pingUrl(),
                    heartbeat.pingInterval()));
        }

        private Properties streamsProperties() {
            Properties properties = new Properties();
            properties.putAll(settings.clientProperties());
            properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
            properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
            // Static membership: a restart after a crash takes its tasks back at once instead of waiting out the dead
            // process's session. Only the main consumer is a group member; Kafka Streams adds -N per thread.
            properties.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), settings.instanceId());
            // The engine snapshot, the notifications and the consumed offsets commit together: no notification is
            // lost or repeated across a restart (see the topology package).
            properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            // The topology names every processor, store and topic itself; this makes any DSL part added later
            // refuse generated names, which would orphan state on an upgrade.
            properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
            return properties;
        }

        private Map<String, Object> clientConfig(Map<String, Object> fixed) {
            Map<String, Object> clientConfig = new HashMap<>(settings.clientProperties());
            clientConfig.putAll(fixed);
            return clientConfig;
        }

        private static void closeAll(Deque<AutoCloseable> opened, Exception failure) {
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
