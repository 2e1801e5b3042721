package dev.slopipeline.router.delivery.service;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One channel of a configured receiver: its {@code index}-th channel config, counting webhook, then Slack, then
 * PagerDuty configs, as Alertmanager calls a receiver's channels its integrations. Each integration is delivered on
 * its own, as a dispatcher receiver named {@code <receiver>#<index>}, under the delivery key
 * {@code <idempotency key>#<index>}.
 */
record IntegrationId(String receiver, int index) {

    private static final Pattern NAME = Pattern.compile("(.+)#(\\d{1,9})");

    IntegrationId {
        Objects.requireNonNull(receiver, "receiver");
        if (index < 0) {
            throw new IllegalArgumentException("integration index must be 0 or more, was " + index);
        }
    }

    /** The dispatcher receiver's name. */
    String name() {
        return receiver + "#" + index;
    }

    /** The key this integration's delivery of an intent goes by: on the wire, in outcomes and in the dispatcher. */
    String deliveryKey(String idempotencyKey) {
        return idempotencyKey + "#" + index;
    }

    /** Reads a dispatcher receiver name back; empty for a name that is not an integration's. */
    static Optional<IntegrationId> parse(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches()
                ? Optional.of(new IntegrationId(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }
}
