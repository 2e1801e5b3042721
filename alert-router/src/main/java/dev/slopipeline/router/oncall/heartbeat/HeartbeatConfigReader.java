package dev.slopipeline.router.oncall.heartbeat;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.router.secret.SecretFields;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code heartbeat} section ({@link HeartbeatConfig}); the receiver it names must be declared. */
public final class HeartbeatConfigReader {

    private HeartbeatConfigReader() {
    }

    /** @param receivers the declared receivers, or empty to leave the receiver unchecked */
    public static Optional<HeartbeatConfig> read(YamlMap root, Problems problems, Optional<Set<String>> receivers) {
        return root.get("heartbeat").flatMap(node -> node.asMap(problems, "\"heartbeat\""))
                .flatMap(map -> section(map, problems, receivers));
    }

    private static Optional<HeartbeatConfig> section(YamlMap map, Problems problems, Optional<Set<String>> receivers) {
        int errorsBefore = problems.errorCount();
        String topic = map.get("watch_topic").flatMap(node -> node.asString(problems, map.describe("watch_topic")))
                .orElse(HeartbeatConfig.DEFAULT_TOPIC);
        Duration silentAfter = positiveDuration(map, "silent_after", problems).orElse(HeartbeatConfig.DEFAULT_SILENT_AFTER);
        Optional<String> receiver = map.get("receiver").flatMap(node -> node.asString(problems, map.describe("receiver")));
        receiver.filter(name -> receivers.filter(declared -> !declared.contains(name)).isPresent()).ifPresent(name ->
                problems.error(map.get("receiver").orElseThrow().location(), map.describe("receiver") + ": receiver \""
                        + name + "\" is not declared under \"receivers\""));
        // A ping URL often holds the check's key (healthchecks.io and the like), so it is read as a credential.
        Optional<URI> pingUrl = SecretFields.url(map, "ping_url");
        Duration pingInterval = positiveDuration(map, "ping_interval", problems).orElse(HeartbeatConfig.DEFAULT_PING_INTERVAL);
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new HeartbeatConfig(topic, silentAfter, receiver, pingUrl, pingInterval));
    }

    /** In the one duration syntax; zero or negative would page at once or never, so they are refused. */
    private static Optional<Duration> positiveDuration(YamlMap map, String field, Problems problems) {
        return YamlFields.duration(map, field).filter(duration -> {
            if (duration.isZero() || duration.isNegative()) {
                problems.error(map.get(field).orElseThrow().location(), map.describe(field) + " must be longer than zero");
                return false;
            }
            return true;
        });
    }
}
