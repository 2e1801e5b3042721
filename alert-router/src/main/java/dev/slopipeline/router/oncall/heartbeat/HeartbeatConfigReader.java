package dev.slopipeline.router.oncall.heartbeat;

import dev.slopipeline.definitions.model.DurationSyntax;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
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
        Duration silentAfter = duration(map, "silent_after", problems).orElse(HeartbeatConfig.DEFAULT_SILENT_AFTER);
        Optional<String> receiver = map.get("receiver").flatMap(node -> node.asString(problems, map.describe("receiver")));
        receiver.filter(name -> receivers.filter(declared -> !declared.contains(name)).isPresent()).ifPresent(name ->
                problems.error(map.get("receiver").orElseThrow().location(), map.describe("receiver") + ": receiver \""
                        + name + "\" is not declared under \"receivers\""));
        Optional<URI> pingUrl = map.get("ping_url").flatMap(node -> url(node, map.describe("ping_url"), problems));
        Duration pingInterval = duration(map, "ping_interval", problems).orElse(HeartbeatConfig.DEFAULT_PING_INTERVAL);
        map.rejectUnknownFields();
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new HeartbeatConfig(topic, silentAfter, receiver, pingUrl, pingInterval));
    }

    private static Optional<URI> url(YamlNode node, String what, Problems problems) {
        return node.asString(problems, what).flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    problems.error(node.location(), what + " must be an http or https URL, got \"" + text + "\"");
                    return Optional.empty();
                }
                return Optional.of(uri);
            } catch (URISyntaxException e) {
                problems.error(node.location(), what + " is not a URL: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Optional<Duration> duration(YamlMap map, String field, Problems problems) {
        return map.get(field).flatMap(node -> node.asText(problems, map.describe(field)).flatMap(text -> {
            try {
                return Optional.of(DurationSyntax.parse(text));
            } catch (IllegalArgumentException e) {
                problems.error(node.location(), map.describe(field) + ": " + e.getMessage());
                return Optional.empty();
            }
        }));
    }
}
