package dev.slopipeline.broker;

import dev.slopipeline.broker.BrokerSettings.ExtraListener;
import dev.slopipeline.kit.lock.DataFolderLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (one KRaft node acting as broker and controller) running inside this JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
 *     producerProps.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#dataDirectory(Path)} the broker keeps its data in a temporary directory that
 * {@link #close()} deletes; with it, the directory is formatted on first use and kept, so a later broker on
 * the same directory sees the same cluster, topics and records. A broker is single-use: once closed, build a
 * new one (on the same directory to keep the data).
 *
 * <p>While any embedded broker runs, Kafka's requests to exit or halt the JVM are refused and recorded
 * (see {@link #fatalError()}) instead of killing the host process.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Name of the PLAINTEXT listener that {@link #bootstrapServers()} points at. */
    public static final String CLIENT_LISTENER = "PLAINTEXT";
    /** Name of the KRaft controller listener. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    static final int NODE_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String META_PROPERTIES = "meta.properties";
    /**
     * The file by which one broker claims its data directory, across threads and processes. When the metadata
     * log shares the log directory, as here, Kafka 4.3's raft manager skips its own lock and Kafka's
     * {@code .lock} is only taken when the broker's log manager starts, after the controller has opened the
     * metadata log. A second broker would thus write to the first one's metadata log before Kafka noticed.
     * This claim is taken before anything touches the directory.
     */
    private static final String LOCK_FILE = "embedded-broker.lock";

    private enum State { NEW, RUNNING, CLOSED }

    private final BrokerSettings settings;
    private final AtomicReference<String> fatalError = new AtomicReference<>();

    private State state = State.NEW;
    private Path dataDirectory;
    private Map<String, Integer> ports = Map.of();
    private DataFolderLock lock;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(BrokerSettings settings) {
        this.settings = settings;
        this.dataDirectory = settings.dataDirectory().orElse(null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the data directory if it has never held a broker, starts the broker and returns once a client
     * can talk to it.
     *
     * @throws IllegalStateException if the broker is running or closed, another broker uses the data
     *     directory, or Kafka does not come up within the startup timeout
     */
    public synchronized EmbeddedKafkaBroker start() {
        switch (state) {
            case RUNNING -> throw new IllegalStateException("Kafka broker already running on " + address(CLIENT_LISTENER));
            case CLOSED -> throw new IllegalStateException(
                    "Kafka broker was closed; build a new one (on the same data directory to keep the data)");
            case NEW -> { }
        }
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + settings.startupTimeout().toNanos();
        try {
            dataDirectory = settings.dataDirectory().isPresent()
                    ? Files.createDirectories(settings.dataDirectory().get())
                    : Files.createTempDirectory("embedded-kafka-");
            Path claimed = dataDirectory;
            lock = DataFolderLock.acquire(claimed, LOCK_FILE,
                    holder -> "Cannot start an embedded Kafka broker: another broker is already using " + claimed);
            Optional<String> newClusterId = formatIfNew(dataDirectory);
            ports = resolvePorts(settings.requestedPorts());
            ExitGuard.register(this);
            Optional<Duration> fenced = StaleRegistrationFence.fenceAfterCrash(settings, dataDirectory, ports, deadlineNanos);
            startServer();
            awaitClientsServed(deadlineNanos);
            state = State.RUNNING;
            LOG.info(String.format(Locale.ROOT, "Kafka broker ready on %s (data: %s%s%s) in %.1f s",
                    address(CLIENT_LISTENER), dataDirectory,
                    newClusterId.map(id -> ", new cluster " + id).orElse(""),
                    fenced.map(took -> String.format(Locale.ROOT,
                            ", not shut down cleanly: its previous registration fenced first, in %.1f s",
                            took.toMillis() / 1e3)).orElse(""),
                    (System.nanoTime() - startNanos) / 1e9));
            return this;
        } catch (IllegalStateException e) {
            throw abortStart(e);
        } catch (IOException | RuntimeException e) {
            throw abortStart(startFailure(e));
        }
    }

    /** {@code localhost:PORT} of the PLAINTEXT listener. */
    public synchronized String bootstrapServers() {
        return bootstrapServers(CLIENT_LISTENER);
    }

    /** {@code localhost:PORT} of a listener added with {@link Builder#listener}, or of {@link #CLIENT_LISTENER}. */
    public synchronized String bootstrapServers(String listenerName) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("Kafka broker is not running (" + state.name().toLowerCase(Locale.ROOT) + ")");
        }
        String name = listenerName.toUpperCase(Locale.ROOT);
        if (!ports.containsKey(name) || name.equals(CONTROLLER_LISTENER)) {
            throw new IllegalArgumentException("No client listener named " + listenerName + "; known: "
                    + ports.keySet().stream().filter(known -> !known.equals(CONTROLLER_LISTENER)).toList());
        }
        return address(name);
    }

    /**
     * Where the broker keeps its logs and metadata. A temporary directory only exists from {@link #start()}
     * until {@link #close()}.
     */
    public synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            throw new IllegalStateException("The temporary data directory is created by start()");
        }
        return dataDirectory;
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * The first JVM exit or halt that Kafka requested (and was refused) while this broker ran. Such a request
     * means a broker or controller component hit a fault it considers fatal, so the broker may be unusable.
     */
    public Optional<String> fatalError() {
        return Optional.ofNullable(fatalError.get());
    }

    /** Shuts the broker down and waits for it; deletes the data directory if it was temporary. Idempotent. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasRunning = state == State.RUNNING;
        String stoppedAddress = wasRunning ? address(CLIENT_LISTENER) : null;
        long stopNanos = System.nanoTime();
        state = State.CLOSED;
        releaseResources();
        if (wasRunning) {
            LOG.info(String.format(Locale.ROOT, "Kafka broker on %s stopped in %.1f s",
                    stoppedAddress, (System.nanoTime() - stopNanos) / 1e9));
        }
    }

    void recordFatalError(String description) {
        fatalError.compareAndSet(null, description);
    }

    private void startServer() {
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(settings.kafkaProperties(dataDirectory, ports), false),
                    Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            throw startFailure(e);
        }
    }

    /**
     * Kafka wraps the real reason (a port in use, a bad setting) several levels deep, and each level adds a
     * detail such as the listener or the port, so the message lists the whole chain.
     */
    private IllegalStateException startFailure(Exception e) {
        StringJoiner reasons = new StringJoiner(": ");
        String previous = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (!previous.contains(message)) {
                reasons.add(message);
            }
            previous = message;
        }
        return new IllegalStateException("Kafka broker failed to start (data: " + dataDirectory + "): " + reasons, e);
    }

    /** Leaves a broker whose start failed closed, with nothing left running or locked. */
    private IllegalStateException abortStart(IllegalStateException failure) {
        state = State.CLOSED;
        try {
            releaseResources();
        } catch (RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        }
        return failure;
    }

    /** Formats a directory that has never held a broker; returns the new cluster id, empty if it was formatted. */
    private static Optional<String> formatIfNew(Path directory) {
        if (Files.exists(directory.resolve(META_PROPERTIES))) {
            return Optional.empty();
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream formatterOutput = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(formatterOutput)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(directory.toString())
                    .addDirectory(directory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format " + directory + " for Kafka: " + e.getMessage()
                    + System.lineSeparator() + output.toString(StandardCharsets.UTF_8), e);
        }
        LOG.debug("{}", output.toString(StandardCharsets.UTF_8).strip());
        return Optional.of(clusterId);
    }

    private static Map<String, Integer> resolvePorts(Map<String, Integer> requested) {
        long missing = requested.values().stream().filter(port -> port == 0).count();
        Iterator<Integer> free = FreePorts.allocate((int) missing).iterator();
        Map<String, Integer> resolved = new LinkedHashMap<>();
        requested.forEach((name, port) -> resolved.put(name, port == 0 ? free.next() : port));
        return resolved;
    }

    /**
     * startup() returns once the broker is unfenced, but this is the check that matters to callers: a real
     * client reaches the client listener and sees this node in the cluster.
     */
    private void awaitClientsServed(long deadlineNanos) {
        long remainingMs = Math.min(Integer.MAX_VALUE,
                Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address(CLIENT_LISTENER),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-readiness-check");
        try (Admin admin = Admin.create(config)) {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) remainingMs))
                    .nodes()
                    .get(remainingMs, TimeUnit.MILLISECONDS);
            if (nodes.stream().noneMatch(node -> node.id() == NODE_ID)) {
                throw new IllegalStateException("Kafka broker answered but does not list itself: " + nodes);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker did not answer clients within " + settings.startupTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Undoes whatever start() got to, in reverse order, and keeps going if one step fails. */
    private void releaseResources() {
        List<RuntimeException> failures = new ArrayList<>();
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                failures.add(e);
            }
            server = null;
        }
        ExitGuard.unregister(this);
        if (lock != null) {
            lock.close();
            lock = null;
        }
        if (settings.dataDirectory().isEmpty() && dataDirectory != null) {
            try {
                Utils.delete(dataDirectory.toFile());
            } catch (IOException e) {
                failures.add(new UncheckedIOException("Cannot delete the temporary data directory " + dataDirectory, e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private String address(String listenerName) {
        return "localhost:" + ports.get(listenerName);
    }

    /**
     * Collects the configuration of one broker. A builder builds exactly one broker: changing it afterwards
     * would not reach that broker, so it refuses instead of silently doing nothing.
     */
    public static final class Builder {

        private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(2);

        private Path dataDirectory;
        private int port;
        private int controllerPort;
        private int numPartitions = 1;
        private final Map<String, ExtraListener> extraListeners = new LinkedHashMap<>();
        private final Map<String, String> brokerConfigs = new LinkedHashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private boolean built;

        private Builder() {
        }

        /** Keep the data here across brokers; created if missing, formatted on first use, kept on close. */
        public Builder dataDirectory(Path directory) {
            checkNotBuilt();
            this.dataDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
            return this;
        }

        /** Port of the PLAINTEXT client listener; 0 (the default) picks a free one at start. */
        public Builder port(int port) {
            checkNotBuilt();
            this.port = checkPort(port);
            return this;
        }

        /** Port of the KRaft controller listener; 0 (the default) picks a free one at start. */
        public Builder controllerPort(int port) {
            checkNotBuilt();
            this.controllerPort = checkPort(port);
            return this;
        }

        /** Partitions of auto-created topics and of topics created without a count; default 1. */
        public Builder numPartitions(int numPartitions) {
            checkNotBuilt();
            if (numPartitions < 1) {
                throw new IllegalArgumentException("numPartitions must be at least 1: " + numPartitions);
            }
            this.numPartitions = numPartitions;
            return this;
        }

        /**
         * Adds a client listener on localhost, e.g. {@code listener("SSL", SecurityProtocol.SSL, 0)} with its
         * keystore passed as {@code brokerConfig("listener.name.ssl.ssl.keystore.location", ...)}.
         */
        public Builder listener(String name, SecurityProtocol protocol, int port) {
            checkNotBuilt();
            Objects.requireNonNull(protocol, "protocol");
            String normalized = Objects.requireNonNull(name, "name").strip().toUpperCase(Locale.ROOT);
            if (!normalized.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("Listener names are letters, digits and '_': " + name);
            }
            if (normalized.equals(CLIENT_LISTENER) || normalized.equals(CONTROLLER_LISTENER)
                    || extraListeners.containsKey(normalized)) {
                throw new IllegalArgumentException("Listener " + normalized + " already exists");
            }
            extraListeners.put(normalized, new ExtraListener(normalized, protocol, checkPort(port)));
            return this;
        }

        /**
         * Any broker setting, applied over the single-node defaults. Settings that the builder derives itself
         * (roles, node id, listeners, directories) are refused with the builder method to use instead.
         */
        public Builder brokerConfig(String key, String value) {
            checkNotBuilt();
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            String instead = BrokerSettings.RESERVED_CONFIGS.get(key);
            if (instead != null) {
                throw new IllegalArgumentException(key + " is managed by EmbeddedKafkaBroker: " + instead);
            }
            brokerConfigs.put(key, value);
            return this;
        }

        /**
         * How long start() may take before it gives up; default 2 min. A healthy start takes a few seconds, but on
         * a machine whose cores are all busy it has taken more than 30 s, and giving up on a broker that is still
         * starting only turns slowness into a failure.
         */
        public Builder startupTimeout(Duration timeout) {
            checkNotBuilt();
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive: " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        public EmbeddedKafkaBroker build() {
            checkNotBuilt();
            built = true;
            return new EmbeddedKafkaBroker(new BrokerSettings(Optional.ofNullable(dataDirectory), port,
                    controllerPort, numPartitions, List.copyOf(extraListeners.values()), brokerConfigs, startupTimeout));
        }

        /** Shorthand for {@code build().start()}. */
        public EmbeddedKafkaBroker start() {
            return build().start();
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException(
                        "This builder already built a broker and cannot change it; use a new EmbeddedKafkaBroker.builder()");
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Port must be 0 (any free port) or 1-65535: " + port);
            }
            return port;
        }
    }
}
