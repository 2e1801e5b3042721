package dev.slopipeline.router.topology;

import dev.slopipeline.router.notification.Fingerprint;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An alert as Prometheus or amtool posts it to Alertmanager's {@code POST /api/v2/alerts}, with the time the router
 * received it: the record on {@code router.posted-alerts}, keyed by its fingerprint. Times a sender leaves unset are
 * left empty here; {@link PostedAlertProcessor} fills them in as Alertmanager does.
 *
 * @param startsAt   when it started; empty means when it was received
 * @param endsAt     when it ends (a time past means resolved); empty means it fires until resolve_timeout passes
 *                   without it being sent again
 * @param receivedAt when the API took it in
 */
public record PostedAlert(Map<String, String> labels, Map<String, String> annotations, Optional<Instant> startsAt,
                          Optional<Instant> endsAt, Instant receivedAt) {

    public PostedAlert {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one label, e.g. alertname");
        }
        labels.forEach((name, value) -> {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a label name is empty");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("label \"" + name + "\" has an empty value; leave the label out");
            }
        });
        if (startsAt.isPresent() && endsAt.isPresent() && endsAt.get().isBefore(startsAt.get())) {
            throw new IllegalArgumentException("the alert ends at " + endsAt.get() + ", before it starts at "
                    + startsAt.get());
        }
    }

    public Fingerprint fingerprint() {
        return Fingerprint.of(labels);
    }
}
