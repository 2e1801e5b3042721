package dev.slopipeline.run;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.kit.config.ConfigListing;
import dev.slopipeline.kit.config.ConfigReader;
import dev.slopipeline.kit.config.InvalidConfigException;
import dev.slopipeline.kit.config.KeySet;
import dev.slopipeline.router.app.RouterAppConfig;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.streams.app.StreamsAppConfig;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Everything {@code slo run} needs, read from one set of layers and checked at once: the streams app's settings,
 * the router's, and {@code run}'s own ({@link RunKeys}); every mistake is reported with where it was set.
 *
 * @param brokerPort           client port of the embedded broker; unused with {@code bootstrap.servers}
 * @param brokerControllerPort 0: any free port
 * @param uiPort               the web UI's port (0: any free port); empty: no web UI
 * @param uiHosts              names the web UI answers for besides localhost, IP addresses and this machine's
 */
public record RunSettings(Path dataDir, int brokerPort, int brokerControllerPort, OptionalInt uiPort,
                          List<String> uiHosts, StreamsAppConfig streams, RouterAppConfig router) {

    public RunSettings {
        uiHosts = List.copyOf(uiHosts);
    }

    /** Every key one file of {@code slo run} may hold, the streams app's first. */
    public static final KeySet KEYS = StreamsAppKeys.ALL.and(RunKeys.ALL).and(RouterAppKeys.ALL);

    /**
     * Reads the layers; the state folders default to {@code streams/} and {@code router/} under {@code data.dir}, and
     * the router's alerts topic to the streams app's (added to {@code layers} below every layer).
     *
     * @throws InvalidConfigException listing every unknown key and invalid value, with where it was set
     */
    public static RunSettings from(ConfigLayers layers) {
        ConfigReader reader = new ConfigReader(layers, KEYS);
        reader.warnOfIgnoredEnvironment("slo-pipeline");
        Path dataDir = reader.get(RunKeys.DATA_DIR);
        layers.underneath(StreamsAppKeys.STATE_DIR.name(), dataDir.resolve("streams").toString(), "under data.dir")
                .underneath(RouterAppKeys.STATE_DIR.name(), dataDir.resolve("router").toString(), "under data.dir")
                // the router reads what the streams app writes, unless told otherwise: a renamed topics.alerts
                // must not leave the router waiting on a topic nobody writes
                .underneath(RouterAppKeys.TOPIC_ALERTS.name(), reader.get(StreamsAppKeys.TOPIC_ALERTS), "as topics.alerts");
        RunSettings settings = new RunSettings(dataDir, reader.get(RunKeys.BROKER_PORT),
                reader.get(RunKeys.BROKER_CONTROLLER_PORT), reader.get(RunKeys.UI_PORT),
                reader.find(RunKeys.UI_HOST).orElse(List.of()), StreamsAppConfig.read(reader), RouterAppConfig.read(reader));
        reader.throwIfInvalid("Invalid configuration:");
        return settings;
    }

    /** Whether the pipeline has to start its own broker. */
    public boolean embeddedBroker() {
        return streams.bootstrapServers().isEmpty();
    }

    /** The same settings against these brokers (an embedded broker's address once it runs). */
    public RunSettings withBootstrapServers(String servers) {
        return new RunSettings(dataDir, brokerPort, brokerControllerPort, uiPort, uiHosts,
                streams.withBootstrapServers(servers), router.withBootstrapServers(servers));
    }

    /**
     * The effective settings as {@code key = value} lines, secrets masked: the streams app's, then {@code run}'s own,
     * then the router's.
     */
    public List<String> describe() {
        ConfigListing own = new ConfigListing(KEYS).value(RunKeys.DATA_DIR, dataDir);
        if (embeddedBroker()) {
            own.value(RunKeys.BROKER_PORT, brokerPort).value(RunKeys.BROKER_CONTROLLER_PORT, brokerControllerPort);
        } else {
            own.absent(RunKeys.BROKER_PORT, "(not used: bootstrap.servers is set)").absent(RunKeys.BROKER_CONTROLLER_PORT, "(not used)");
        }
        own.value(RunKeys.UI_PORT, uiPort);
        if (uiHosts.isEmpty()) {
            own.absent(RunKeys.UI_HOST, "(none: localhost, IP addresses and this machine's name)");
        } else {
            own.value(RunKeys.UI_HOST, uiHosts);
        }
        List<String> lines = new ArrayList<>(streams.describe());
        lines.addAll(own.lines());
        // bootstrap.servers and kafka.* are the same lines in both apps' listings
        router.describe().stream().filter(line -> !lines.contains(line)).forEach(lines::add);
        return lines;
    }
}
