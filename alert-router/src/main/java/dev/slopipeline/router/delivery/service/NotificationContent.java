package dev.slopipeline.router.delivery.service;

import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a notification the one an idempotency key was first used for: its receiver, its group and, in order,
 * each alert's fingerprint, status, start and end. Links ({@code externalURL}, {@code ackURL}) and the
 * acknowledgement are left out: they may differ when the router redoes a flush after a crash, and the redo is still
 * the notification already delivered.
 */
final class NotificationContent {

    /** Hex digits of the digest that a derived key carries. */
    private static final int DERIVED_KEY_DIGITS = 12;

    private NotificationContent() {
    }

    /** The hex of the first 16 bytes of a SHA-256 over the content; the same for a redo of the notification. */
    static String digest(Notification notification) {
        MessageDigest sha = sha256();
        field(sha, notification.receiver());
        field(sha, notification.groupKey());
        for (Alert alert : notification.alerts()) {
            field(sha, alert.fingerprint());
            field(sha, alert.status().wireName());
            field(sha, alert.startsAt().toString());
            // An empty field cannot be an instant, so an alert without an end differs from every one with.
            field(sha, alert.endsAt() == null ? "" : alert.endsAt().toString());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /**
     * The key a notification goes by when {@code deliveryKey} was already used for other content:
     * {@code <delivery key>~<first 12 hex digits of its digest>}.
     */
    static String derivedKey(String deliveryKey, String digest) {
        return deliveryKey + "~" + digest.substring(0, DERIVED_KEY_DIGITS);
    }

    /** Each field preceded by its length, so that no two different sequences of fields hash the same bytes. */
    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
