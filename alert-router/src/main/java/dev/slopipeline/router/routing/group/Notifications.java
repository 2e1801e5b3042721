package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.Notification;
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
        return new Notification(idempotencyKey(groupKey, receiver, entry), receiver, groupKey,
                alerts.stream().map(LabelledAlert::toDelivery).toList(), groupLabels,
                common(alerts, LabelledAlert::labels), common(alerts, LabelledAlert::annotations),
                externalUrl, null, null);
    }

    /**
     * The first 16 bytes, as 32 hex digits, of SHA-256 over, each followed by the byte {@code 0xFF}: the UTF-8 group
     * key, the UTF-8 receiver name, the decimal sequence number from the notification log, then the fingerprints of
     * the alerts the entry records as firing, {@code 0xFE}, and those it records as resolved. {@code 0xFF} and
     * {@code 0xFE} never occur in UTF-8, so no two inputs run together.
     *
     * <p>The log is saved with the output, so a flush redone after a crash gets the sequence and the alerts, hence
     * the key, it had the first time, and a retry re-sends the same notification. Two notifications that say
     * different things always get different keys, even from two engines that both believed they owned a group (which
     * one group owner per key prevents, and the delivery service checks): a key names one notification's content,
     * never just a place in a sequence.
     */
    static String idempotencyKey(String groupKey, String receiver, LogEntry entry) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(sha256, groupKey);
        update(sha256, receiver);
        update(sha256, Long.toString(entry.sequence()));
        entry.firing().forEach(fingerprint -> update(sha256, fingerprint.toString()));
        sha256.update((byte) 0xFE);
        entry.resolved().forEach(fingerprint -> update(sha256, fingerprint.toString()));
        byte[] digest = sha256.digest();
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0xFF);
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
