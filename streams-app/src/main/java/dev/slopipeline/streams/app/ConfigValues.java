package dev.slopipeline.streams.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns layered text settings into a checked {@link StreamsAppConfig}, collecting every mistake on the way. */
final class ConfigValues {

    /** A value as given, and where: {@code file app.yaml}, {@code environment SLO_PIPELINE_HTTP_PORT}. */
    record Setting(String value, String origin) {
    }

    /** Kafka Streams settings the app owns, with the key that sets them instead of a {@code kafka.*} one. */
    private static final Map<String, String> OWNED_KAFKA_KEYS = Map.of(
            "bootstrap.servers", ConfigKey.BOOTSTRAP_SERVERS.key(),
            "application.id", ConfigKey.APPLICATION_ID.key(),
            "state.dir", ConfigKey.STATE_DIR.key(),
            "processing.guarantee", ConfigKey.PROCESSING_GUARANTEE.key(),
            "commit.interval.ms", ConfigKey.COMMIT_INTERVAL_MS.key(),
            "num.standby.replicas", ConfigKey.STANDBY_REPLICAS.key(),
            "replication.factor", ConfigKey.TOPIC_REPLICATION.key(),
            "application.server", ConfigKey.HTTP_ADVERTISED_HOST.key() + " and " + ConfigKey.HTTP_PORT.key());

    private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final Map<String, Setting> settings;
    private final List<String> errors = new ArrayList<>();

    ConfigValues(Map<String, Setting> settings) {
        this.settings = settings;
    }

    static boolean isKnown(String key) {
        return ConfigKey.of(key).isPresent() || (key.startsWith(ConfigKey.KAFKA_PREFIX) && key.length() > ConfigKey.KAFKA_PREFIX.length());
    }

    StreamsAppConfig toConfig() {
        settings.keySet().stream().filter(key -> !isKnown(key)).forEach(key -> errors.add(
                key + " (" + settings.get(key).origin() + ") is not a setting; known: "
                        + Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "))
                        + ", and kafka.* for Kafka client settings"));
        Map<String, String> kafka = kafkaSettings();
        String guarantee = text(ConfigKey.PROCESSING_GUARANTEE).orElseThrow();
        if (!guarantee.equals(StreamsAppConfig.EXACTLY_ONCE_V2) && !guarantee.equals(StreamsAppConfig.AT_LEAST_ONCE)) {
            error(ConfigKey.PROCESSING_GUARANTEE, "must be " + StreamsAppConfig.EXACTLY_ONCE_V2 + " or "
                    + StreamsAppConfig.AT_LEAST_ONCE + ", got \"" + guarantee + "\"");
        }
        long defaultCommitMs = guarantee.equals(StreamsAppConfig.AT_LEAST_ONCE) ? 1000 : 100;
        StreamsAppConfig config = new StreamsAppConfig(
                text(ConfigKey.BOOTSTRAP_SERVERS),
                kafkaName(ConfigKey.APPLICATION_ID),
                Path.of(text(ConfigKey.STATE_DIR).orElseThrow()),
                topics(),
                number(ConfigKey.TOPIC_PARTITIONS, 1, 10_000).orElseThrow().intValue(),
                number(ConfigKey.TOPIC_REPLICATION, 1, Short.MAX_VALUE).map(Long::shortValue),
                number(ConfigKey.STANDBY_REPLICAS, 0, 10).orElseThrow().intValue(),
                guarantee,
                Duration.ofMillis(number(ConfigKey.COMMIT_INTERVAL_MS, 1, 3_600_000).orElse(defaultCommitMs)),
                number(ConfigKey.HTTP_PORT, 0, 65_535).orElseThrow().intValue(),
                text(ConfigKey.HTTP_ADVERTISED_HOST).orElseThrow(),
                kafkaName(ConfigKey.STATUS_STORE),
                Duration.ofMillis(number(ConfigKey.HEARTBEAT_INTERVAL_MS, 100, 3_600_000).orElseThrow()),
                Duration.ofMillis(number(ConfigKey.SHUTDOWN_TIMEOUT_MS, 0, 3_600_000).orElseThrow()),
                text(ConfigKey.DEFINITIONS_DIR).map(Path::of),
                kafka);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid streams app configuration:" + errors.stream()
                    .collect(Collectors.joining("\n  ", "\n  ", "")));
        }
        return config;
    }

    private Topics topics() {
        Topics topics = new Topics(kafkaName(ConfigKey.TOPIC_REQUESTS), kafkaName(ConfigKey.TOPIC_HEALTH),
                kafkaName(ConfigKey.TOPIC_DLQ), kafkaName(ConfigKey.TOPIC_DEFINITIONS), kafkaName(ConfigKey.TOPIC_ALERTS),
                kafkaName(ConfigKey.TOPIC_STATUS), kafkaName(ConfigKey.TOPIC_HEARTBEAT));
        Set<String> seen = new HashSet<>();
        topics.all().stream().filter(name -> !seen.add(name)).distinct().forEach(name -> errors.add(
                "topic " + name + " is configured for two purposes; every topics.* setting needs its own topic"));
        return topics;
    }

    private Map<String, String> kafkaSettings() {
        Map<String, String> kafka = new LinkedHashMap<>();
        settings.forEach((key, setting) -> {
            if (!key.startsWith(ConfigKey.KAFKA_PREFIX) || !isKnown(key)) {
                return;
            }
            String clientKey = key.substring(ConfigKey.KAFKA_PREFIX.length());
            String instead = OWNED_KAFKA_KEYS.get(clientKey);
            if (instead != null) {
                errors.add(key + " (" + setting.origin() + ") is set by the app; use " + instead);
            } else {
                kafka.put(clientKey, setting.value());
            }
        });
        return kafka;
    }

    /** The value, or the key's default; an empty value counts as not set, so an empty variable unsets. */
    private Optional<String> text(ConfigKey key) {
        return Optional.ofNullable(settings.get(key.key())).map(Setting::value).filter(v -> !v.isBlank())
                .or(key::defaultValue);
    }

    private String kafkaName(ConfigKey key) {
        String name = text(key).orElseThrow();
        if (!KAFKA_NAME.matcher(name).matches()) {
            error(key, "must be 1 to 249 letters, digits, '.', '_' or '-', got \"" + name + "\"");
        }
        return name;
    }

    /** Empty when neither set nor defaulted; a placeholder after an error, which build() then reports. */
    private Optional<Long> number(ConfigKey key, long min, long max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        error(key, "must be a whole number from " + min + " to " + max + ", got \"" + text.get() + "\"");
        return Optional.of(min);
    }

    private void error(ConfigKey key, String message) {
        String origin = Optional.ofNullable(settings.get(key.key())).map(s -> " (" + s.origin() + ")").orElse(" (default)");
        errors.add(key.key() + origin + " " + message);
    }
}
