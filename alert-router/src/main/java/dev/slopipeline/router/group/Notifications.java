package dev.slopipeline.router.group;

import dev.slopipeline.router.alerts.LabelledAlert;
import dev.slopipeline.router.delivery.Notification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a flush's decision into the notification the dispatcher delivers. */
final class Notifications {

    private Notifications() {
    }

    static Notification of(String groupKey, String receiver, Map<String, String> groupLabels, LogEntry entry,
                           List<LabelledAlert> alerts, URI externalUrl) {
        return new Notification(idempotencyKey(groupKey, receiver, entry.sequence()), receiver, groupKey,
                alerts.stream().map(LabelledAlert::toDelivery).toList(), groupLabels,
                common(alerts, LabelledAlert::labels), common(alerts, LabelledAlert::annotations),
                externalUrl, null, null);
    }

    /**
     * The first 16 bytes, as 32 hex digits, of SHA-256 over the UTF-8 group key, the byte {@code 0xFF}, the UTF-8
     * receiver name, {@code 0xFF}, and the decimal sequence number from the notification log. The log is saved with
     * the output, so a flush redone after a crash gets the sequence, hence the key, it had the first time; a retry
     * re-sends the same notification. {@code 0xFF} never occurs in UTF-8, so no two inputs run together.
     */
    static String idempotencyKey(String groupKey, String receiver, long sequence) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(groupKey.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0xFF);
        sha256.update(receiver.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0xFF);
        sha256.update(Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha256.digest();
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** The name-value pairs every alert has, as Alertmanager computes common labels and annotations. */
    private static Map<String, String> common(List<LabelledAlert> alerts, Function<LabelledAlert, Map<String, String>> pairs) {
        Map<String, String> common = new HashMap<>(pairs.apply(alerts.get(0)));
        for (LabelledAlert alert : alerts.subList(1, alerts.size())) {
            common.entrySet().retainAll(pairs.apply(alert).entrySet());
        }
        return common;
    }
}
