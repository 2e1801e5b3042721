package dev.slopipeline.cli;

import dev.slopipeline.kit.config.ConfigLayers;
import dev.slopipeline.kit.config.Key;
import dev.slopipeline.router.app.RouterAppKeys;
import dev.slopipeline.run.RunKeys;
import dev.slopipeline.streams.app.StreamsAppKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code slo run} and its subcommands share: one config file, then the environment, then these flags. */
final class RunOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The configuration file (.yml, .yaml or .properties); the README lists every key.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker, the streams app and the router keep their data (default: ./data).")
    Path dataDir;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Use this Kafka cluster instead of starting an embedded broker.")
    String bootstrapServers;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "Client port of the embedded broker (default 9092).")
    Integer brokerPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the streams app's status API and /metrics (default 8080).")
    Integer httpPort;

    @Option(names = "--router-port", paramLabel = "PORT", description = "Port of the router's API and /metrics (default 9095).")
    Integer routerPort;

    @Option(names = "--ui-port", paramLabel = "PORT|off", description = "Port of the web UI (default 8090); off: no web UI.")
    String uiPort;

    @Option(names = "--router-config", paramLabel = "FILE", description = "The router's Alertmanager-format configuration.")
    Path routerConfig;

    @Option(names = "--router-oncall-config", paramLabel = "FILE",
            description = "The router's on-call file (users, schedules, escalation_policies, paging, heartbeat, delivery).")
    Path routerOnCallConfig;

    @Option(names = "--definitions", paramLabel = "DIR", description = "Services and SLOs to apply at start (as slo apply does).")
    Path definitions;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any configuration key, e.g. -s kafka.security.protocol=SASL_SSL; repeatable; wins over file and environment.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--print-config", description = "Print the effective configuration (secrets masked) and exit.")
    boolean printConfig;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationOption.class,
            description = "How long to wait for every component to be ready, e.g. 90s or 5m (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout;

    /** The config file, then {@code env}, then the flags given. */
    ConfigLayers layers(Map<String, String> env) {
        ConfigLayers layers = new ConfigLayers();
        if (config != null) {
            layers.file(config);
        }
        layers.env(env);
        flag(layers, RunKeys.DATA_DIR, dataDir, "--data-dir");
        flag(layers, StreamsAppKeys.BOOTSTRAP_SERVERS, bootstrapServers, "--bootstrap-servers");
        flag(layers, RunKeys.BROKER_PORT, brokerPort, "--broker-port");
        flag(layers, StreamsAppKeys.HTTP_PORT, httpPort, "--http-port");
        flag(layers, RouterAppKeys.HTTP_PORT, routerPort, "--router-port");
        flag(layers, RouterAppKeys.CONFIG, routerConfig, "--router-config");
        flag(layers, RouterAppKeys.ONCALL_CONFIG, routerOnCallConfig, "--router-oncall-config");
        flag(layers, RunKeys.UI_PORT, uiPort, "--ui-port");
        flag(layers, StreamsAppKeys.DEFINITIONS_DIR, definitions, "--definitions");
        settings.forEach((key, value) -> layers.flag(key, value, "--set " + key));
        return layers;
    }

    /** As text, so that a bad value is reported with the others, naming the flag. */
    private static void flag(ConfigLayers layers, Key<?> key, Object value, String flag) {
        if (value != null) {
            layers.flag(key.name(), value.toString(), flag);
        }
    }
}
