package dev.slopipeline.router.notification;

import dev.slopipeline.definitions.alert.AlertState;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One alert of a notified group, shaped like an Alertmanager alert so the webhook payload can carry it unchanged.
 *
 * @param endsAt       when the alert stopped firing; null while it fires
 * @param generatorUrl where the alert came from (a status page, a replay); null when there is none
 * @param fingerprint  stable identity of the alert's label set, chosen by the caller
 */
public record Alert(AlertState status,
                    Map<String, String> labels,
                    Map<String, String> annotations,
                    Instant startsAt,
                    Instant endsAt,
                    URI generatorUrl,
                    String fingerprint) {

    public Alert {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
        labels = sorted(labels, "labels");
        annotations = sorted(annotations, "annotations");
        if (status == AlertState.RESOLVED && endsAt == null) {
            throw new IllegalArgumentException("alert " + fingerprint + " is resolved but has no endsAt");
        }
    }

    /**
     * Sorted so that payloads are byte-for-byte reproducible (Alertmanager's Go maps also serialise in key order),
     * which keeps signatures and expected-JSON tests stable.
     */
    static SortedMap<String, String> sorted(Map<String, String> map, String what) {
        Objects.requireNonNull(map, what);
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
