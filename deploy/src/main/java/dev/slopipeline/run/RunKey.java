package dev.slopipeline.run;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings {@code slo run} adds to the streams app's own ({@link dev.slopipeline.streams.app.ConfigKey}): where
 * data lives, the embedded broker, and the router. Same file, same {@code SLO_PIPELINE_*} environment.
 */
public enum RunKey {
    DATA_DIR("data.dir", "data", "embedded broker data, streams and router state; kept across restarts"),
    BROKER_PORT("broker.port", "9092", "client port of the embedded broker (only without bootstrap.servers)"),
    BROKER_CONTROLLER_PORT("broker.controller.port", "0", "KRaft controller port of the embedded broker; 0 picks a free one"),
    ROUTER_CONFIG("router.config", null, "the router's Alertmanager-format file; absent: alerts are grouped but sent nowhere"),
    ROUTER_HTTP_PORT("router.http.port", "9095", "the router's HTTP API, health and metrics; 0 picks a free port"),
    ROUTER_APPLICATION_ID("router.application.id", "slo-pipeline-router", "the router's Kafka Streams application id"),
    ROUTER_STATE_DIR("router.state.dir", null, "the router's state stores; absent: <data.dir>/router"),
    ROUTER_EXTERNAL_URL("router.external.url", null, "how people reach the router, written into notifications; absent: http://localhost:<router.http.port>"),
    ROUTER_PARTITIONS("router.partitions", "3", "partitions of the topics the router creates"),
    ROUTER_API_TOKEN("router.api.token", null, "bearer token for writes to the router API (silences, acks); absent: writes are refused"),
    UI_PORT("ui.port", "8090", "the web UI (SLOs, incidents, on-call, silences); 0 picks a free port, off: no web UI");

    private final String key;
    private final String defaultValue;
    private final String description;

    RunKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    public static Optional<RunKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
