package dev.slopipeline.router.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What both sides must agree on in a webhook notification: the receiver, the group's labels, its status and each
 * alert's status and labels, in a fixed order. Times, annotations, URLs and keys are left out: they differ by design
 * (see the README's list of what differs from Alertmanager).
 *
 * @param alerts each {@code status {labels}}, sorted
 */
record SeenNotification(String receiver, Map<String, String> groupLabels, String status, List<String> alerts) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SeenNotification of(byte[] webhookBody) {
        JsonNode body;
        try {
            body = JSON.readTree(webhookBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> alerts = new ArrayList<>();
        body.path("alerts").forEach(alert -> alerts.add(alert.path("status").asText() + " " + labels(alert.path("labels"))));
        alerts.sort(null);
        return new SeenNotification(body.path("receiver").asText(), labels(body.path("groupLabels")),
                body.path("status").asText(), alerts);
    }

    /** The group a notification is about: sequences are compared per group, since groups flush independently. */
    String group() {
        return receiver + " " + groupLabels;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    @Override
    public String toString() {
        return status + " " + alerts;
    }
}
