package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.topology.PostedAlert;
import dev.slopipeline.router.topology.PostedAlertCodec;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager's {@code POST /api/v2/alerts}, where Prometheus (and {@code amtool alert add}) send alerts: each valid
 * alert goes to {@code router.posted-alerts} under its fingerprint, with the time it was received, and the topology
 * routes it beside the SLO alerts (see {@code PostedAlertProcessor} for when it resolves). 200 once Kafka has them,
 * so an alert the router accepted survives a crash; as in Alertmanager, the valid alerts of a batch are taken even
 * when others are refused, and the answer is then 400 naming what was wrong with each refused one.
 */
final class AlertmanagerAlertIntake {

    static final String PATH = "/api/v2/alerts";
    /**
     * Prometheus posts up to 64 alerts at once, each with its labels and annotations (descriptions, runbook links):
     * more than the 64 KiB the router's other requests are held to.
     */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final CommandSender sender;
    private final String topic;
    private final Clock clock;
    private final PostedAlertCodec codec = new PostedAlertCodec();

    AlertmanagerAlertIntake(CommandSender sender, String topic, Clock clock) {
        this.sender = sender;
        this.topic = topic;
        this.clock = clock;
    }

    Reply post(Request request) {
        JsonNode body;
        try {
            body = Json.parse(request.body(), "the alerts");
        } catch (UncheckedIOException e) {
            return AlertmanagerJson.error(400, e.getMessage());
        }
        if (body == null || !body.isArray()) {
            return AlertmanagerJson.error(400, "expected an array of alerts: [{\"labels\": {...}, \"annotations\": "
                    + "{...}, \"startsAt\", \"endsAt\"}]");
        }
        Instant now = clock.instant();
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                PostedAlert alert = read(body.get(i), now);
                records.add(Map.entry(alert.fingerprint().toString(), codec.encode(alert)));
            } catch (IllegalArgumentException e) {
                problems.add("alert " + i + ": " + e.getMessage());
            }
        }
        Optional<Reply> failed = sender.sendAll(topic, records);
        if (failed.isPresent()) {
            return failed.get();
        }
        return problems.isEmpty() ? new Reply(200, null, new byte[0], Map.of())
                : AlertmanagerJson.error(400, String.join("; ", problems));
    }

    private static PostedAlert read(JsonNode node, Instant now) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object with \"labels\", got " + node);
        }
        return new PostedAlert(AlertmanagerJson.labelSet(node, "labels"), AlertmanagerJson.labelSet(node, "annotations"),
                AlertmanagerJson.time(node, "startsAt"), AlertmanagerJson.time(node, "endsAt"), now);
    }
}
