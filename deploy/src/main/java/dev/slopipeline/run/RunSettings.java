package dev.slopipeline.run;

import dev.slopipeline.streams.app.ConfigKey;
import dev.slopipeline.streams.app.StreamsAppConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code slo run} needs, checked at once: the streams app's configuration, the router's, and where the
 * embedded broker keeps its data. Built from {@link ConfigLayers}; every mistake is reported with where it was set.
 *
 * @param brokerPort           client port of the embedded broker; unused with {@code bootstrap.servers}
 * @param brokerControllerPort 0: any free port
 * @param uiPort               the web UI's port (0: any free port); empty: no web UI
 */
public record RunSettings(Path dataDir, int brokerPort, int brokerControllerPort, StreamsAppConfig streams,
                          RouterSettings router, OptionalInt uiPort) {

    private static final Logger LOG = LoggerFactory.getLogger(RunSettings.class);
    private static final String MASK = "******";
    /** The value of {@code ui.port} that turns the web UI off. */
    public static final String UI_OFF = "off";
    private static final Set<String> STREAMS_KEYS = Arrays.stream(ConfigKey.values()).map(ConfigKey::key)
            .collect(Collectors.toUnmodifiableSet());

    /** Whether the pipeline has to start its own broker. */
    public boolean embeddedBroker() {
        return streams.bootstrapServers().isEmpty();
    }

    /** The same settings against these brokers (an embedded broker's address once it runs). */
    public RunSettings withBootstrapServers(String servers) {
        return new RunSettings(dataDir, brokerPort, brokerControllerPort, streams.withBootstrapServers(servers), router, uiPort);
    }

    /**
     * The effective settings as {@code key = value} lines, secrets masked: the streams app's, then the broker's and
     * the router's.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(streams.describe());
        Map<String, String> own = new LinkedHashMap<>();
        own.put(RunKey.DATA_DIR.key(), dataDir.toString());
        own.put(RunKey.BROKER_PORT.key(), embeddedBroker() ? String.valueOf(brokerPort) : "(not used: bootstrap.servers is set)");
        own.put(RunKey.BROKER_CONTROLLER_PORT.key(), embeddedBroker() ? String.valueOf(brokerControllerPort) : "(not used)");
        own.put(RunKey.ROUTER_CONFIG.key(), router.config().map(Path::toString).orElse("(none: alerts are sent nowhere)"));
        own.put(RunKey.ROUTER_HTTP_PORT.key(), String.valueOf(router.httpPort()));
        own.put(RunKey.ROUTER_APPLICATION_ID.key(), router.applicationId());
        own.put(RunKey.ROUTER_STATE_DIR.key(), router.stateDir().toString());
        own.put(RunKey.ROUTER_EXTERNAL_URL.key(), router.externalUrl().map(URI::toString).orElse("(http://localhost:<router.http.port>)"));
        own.put(RunKey.ROUTER_PARTITIONS.key(), String.valueOf(router.partitions()));
        own.put(RunKey.ROUTER_API_TOKEN.key(), router.apiToken().map(token -> MASK).orElse("(none: API writes are refused)"));
        own.put(RunKey.UI_PORT.key(), uiPort.isPresent() ? String.valueOf(uiPort.getAsInt()) : UI_OFF);
        own.forEach((key, value) -> lines.add(key + " = " + value));
        return lines;
    }


    /**
     * Reads the layers: keys of the streams app and {@code kafka.*} go to the streams app, {@link RunKey}s here.
     *
     * @throws IllegalArgumentException listing every unknown key and invalid value, with where it was set
     */
    public static RunSettings from(ConfigLayers layers) {
        List<String> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        layers.all().forEach((key, setting) -> {
            if (RunKey.of(key).isEmpty() && !STREAMS_KEYS.contains(key) && !isKafkaKey(key)) {
                if (setting.origin().startsWith(ConfigLayers.ENVIRONMENT)) {
                    // other tools may share the prefix; a file or a flag that names nothing is a mistake
                    ignored.add(ConfigLayers.envName(key));
                    return;
                }
                errors.add(key + " (" + setting.origin() + ") is not a setting; known: "
                        + Stream.concat(STREAMS_KEYS.stream().sorted(), Arrays.stream(RunKey.values()).map(RunKey::key))
                        .collect(Collectors.joining(", ")) + ", and kafka.* for Kafka client settings");
            }
        });
        if (!ignored.isEmpty()) {
            LOG.warn("Ignoring environment variables that set nothing in slo-pipeline: {}", ignored);
        }
        Values values = new Values(layers, errors);
        Path dataDir = Path.of(values.text(RunKey.DATA_DIR).orElseThrow());
        int brokerPort = values.port(RunKey.BROKER_PORT);
        int controllerPort = values.port(RunKey.BROKER_CONTROLLER_PORT);
        OptionalInt uiPort = values.text(RunKey.UI_PORT).orElseThrow().equals(UI_OFF) ? OptionalInt.empty()
                : OptionalInt.of(values.port(RunKey.UI_PORT));
        RouterSettings router = new RouterSettings(
                values.text(RunKey.ROUTER_CONFIG).map(Path::of),
                values.port(RunKey.ROUTER_HTTP_PORT),
                values.text(RunKey.ROUTER_APPLICATION_ID).orElseThrow(),
                values.text(RunKey.ROUTER_STATE_DIR).map(Path::of).orElse(dataDir.resolve("router")),
                values.text(RunKey.ROUTER_EXTERNAL_URL).flatMap(url -> values.url(RunKey.ROUTER_EXTERNAL_URL, url)),
                values.positive(RunKey.ROUTER_PARTITIONS),
                values.text(RunKey.ROUTER_API_TOKEN));

        StreamsAppConfig.Builder streams = StreamsAppConfig.builder();
        if (!layers.isSet(ConfigKey.STATE_DIR.key())) {
            streams.stateDir(dataDir.resolve("streams"));
        }
        layers.all().forEach((key, setting) -> {
            if (STREAMS_KEYS.contains(key) || isKafkaKey(key)) {
                streams.set(key, setting.value());
            }
        });
        StreamsAppConfig streamsConfig = null;
        try {
            streamsConfig = streams.build();
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), errors));
        }
        return new RunSettings(dataDir, brokerPort, controllerPort, streamsConfig, router, uiPort);
    }

    private static boolean isKafkaKey(String key) {
        return key.startsWith(ConfigKey.KAFKA_PREFIX) && key.length() > ConfigKey.KAFKA_PREFIX.length();
    }

    /** Typed reads of the layers that note a mistake and go on, so that all of them are reported together. */
    private record Values(ConfigLayers layers, List<String> errors) {

        Optional<String> text(RunKey key) {
            return layers.get(key.key()).map(ConfigLayers.Setting::value).filter(value -> !value.isBlank())
                    .or(key::defaultValue);
        }

        int port(RunKey key) {
            int port = integer(key);
            if (port < 0 || port > 65_535) {
                error(key, "must be a port, 0..65535 (0 picks a free one), got " + port);
            }
            return port;
        }

        int positive(RunKey key) {
            int value = integer(key);
            if (value < 1) {
                error(key, "must be at least 1, got " + value);
            }
            return value;
        }

        Optional<URI> url(RunKey key, String text) {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                    error(key, "must be an http(s) URL, got \"" + text + "\"");
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (URISyntaxException e) {
                error(key, "is not a URL: " + e.getMessage());
                return Optional.empty();
            }
        }

        private int integer(RunKey key) {
            String text = text(key).orElseThrow();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                error(key, "must be a whole number" + (key == RunKey.UI_PORT ? " or " + UI_OFF : "") + ", got \"" + text + "\"");
                return 0;
            }
        }

        private void error(RunKey key, String message) {
            String origin = layers.get(key.key()).map(ConfigLayers.Setting::origin).orElse("default");
            errors.add(key.key() + " (" + origin + ") " + message);
        }
    }
}
