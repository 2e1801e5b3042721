package dev.slopipeline.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/** What a builder fixed for one broker; ports of 0 are resolved only when the broker starts. */
record BrokerSettings(
        Optional<Path> dataDirectory,
        int port,
        int controllerPort,
        int numPartitions,
        List<ExtraListener> extraListeners,
        Map<String, String> brokerConfigs,
        Duration startupTimeout) {

    /** A client listener beside PLAINTEXT, e.g. an SSL one whose keystore comes in through brokerConfigs. */
    record ExtraListener(String name, SecurityProtocol protocol, int port) {
    }

    /**
     * Keys derived from the builder's own settings, mapped to what to use instead. Letting callers override
     * them would silently break the single-node layout or make bootstrapServers() lie.
     */
    static final Map<String, String> RESERVED_CONFIGS = Map.ofEntries(
            Map.entry("process.roles", "the broker always runs as a combined broker+controller"),
            Map.entry("node.id", "the single node is always node 1"),
            Map.entry("broker.id", "the single node is always node 1"),
            Map.entry("controller.quorum.voters", "use controllerPort(int)"),
            Map.entry("controller.quorum.bootstrap.servers", "use controllerPort(int)"),
            Map.entry("controller.listener.names", "the controller listener is always CONTROLLER"),
            Map.entry("listeners", "use port(int), controllerPort(int) or listener(name, protocol, port)"),
            Map.entry("listener.security.protocol.map", "use listener(name, protocol, port)"),
            Map.entry("log.dirs", "use dataDirectory(Path)"),
            Map.entry("log.dir", "use dataDirectory(Path)"),
            Map.entry("metadata.log.dir", "use dataDirectory(Path)"),
            Map.entry("num.partitions", "use numPartitions(int)"),
            Map.entry("server.max.startup.time.ms", "use startupTimeout(Duration)"));

    /** Single-node replacements for defaults that assume a three-broker cluster, plus faster first joins. */
    private static final Map<String, String> SINGLE_NODE_DEFAULTS = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            // 50 partitions per internal topic spread load over brokers; on one node they only make the
            // first consumer group and the first transaction wait for 50 partitions to be created.
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "1"),
            // Nobody else is going to join a group on a single development broker, so do not wait for them.
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("group.streams.initial.rebalance.delay.ms", "0"),
            // A broker restarted after a kill cannot register while the session of the incarnation it replaces lives:
            // 9 s by default, counted from the controller's start. The price of a short session: a broker stalled for
            // longer than this (a long pause of the JVM) is fenced until its next heartbeat, and its clients retry.
            Map.entry("broker.heartbeat.interval.ms", "500"),
            Map.entry("broker.session.timeout.ms", "3000"));

    BrokerSettings {
        extraListeners = List.copyOf(extraListeners);
        brokerConfigs = Map.copyOf(brokerConfigs);
    }

    /** The configured port per listener name, 0 meaning "any free port". */
    Map<String, Integer> requestedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(EmbeddedKafkaBroker.CLIENT_LISTENER, port);
        ports.put(EmbeddedKafkaBroker.CONTROLLER_LISTENER, controllerPort);
        extraListeners.forEach(listener -> ports.put(listener.name(), listener.port()));
        return ports;
    }

    /** The broker's configuration for the given directory and the ports actually chosen. */
    Properties kafkaProperties(Path directory, Map<String, Integer> ports) {
        Map<String, String> protocols = new LinkedHashMap<>();
        protocols.put(EmbeddedKafkaBroker.CLIENT_LISTENER, SecurityProtocol.PLAINTEXT.name);
        protocols.put(EmbeddedKafkaBroker.CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT.name);
        extraListeners.forEach(listener -> protocols.put(listener.name(), listener.protocol().name));
        return nodeProperties("broker,controller", directory, ports, protocols);
    }

    /**
     * The same node as its controller alone, on the controller port only: what {@link StaleRegistrationFence} runs
     * before a broker restarts after a crash.
     */
    Properties controllerOnlyProperties(Path directory, Map<String, Integer> ports) {
        Map<String, Integer> controllerPort = Map.of(EmbeddedKafkaBroker.CONTROLLER_LISTENER,
                ports.get(EmbeddedKafkaBroker.CONTROLLER_LISTENER));
        Properties props = nodeProperties("controller", directory, controllerPort,
                Map.of(EmbeddedKafkaBroker.CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT.name));
        // The broker it fences is dead (this node holds the directory), so no live broker pays for a short session.
        props.put("broker.heartbeat.interval.ms", "100");
        props.put("broker.session.timeout.ms", "500");
        return props;
    }

    private Properties nodeProperties(String roles, Path directory, Map<String, Integer> ports, Map<String, String> protocols) {
        Properties props = new Properties();
        props.putAll(SINGLE_NODE_DEFAULTS);
        props.putAll(brokerConfigs);

        props.put("process.roles", roles);
        props.put("node.id", String.valueOf(EmbeddedKafkaBroker.NODE_ID));
        props.put("controller.quorum.voters",
                EmbeddedKafkaBroker.NODE_ID + "@localhost:" + ports.get(EmbeddedKafkaBroker.CONTROLLER_LISTENER));
        props.put("controller.listener.names", EmbeddedKafkaBroker.CONTROLLER_LISTENER);
        props.put("listeners", ports.entrySet().stream()
                .map(entry -> entry.getKey() + "://localhost:" + entry.getValue())
                .collect(Collectors.joining(",")));
        props.put("listener.security.protocol.map", protocols.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(",")));
        props.put("log.dirs", directory.toString());
        props.put("metadata.log.dir", directory.toString());
        props.put("num.partitions", String.valueOf(numPartitions));
        props.put("server.max.startup.time.ms", String.valueOf(startupTimeout.toMillis()));
        return props;
    }
}
