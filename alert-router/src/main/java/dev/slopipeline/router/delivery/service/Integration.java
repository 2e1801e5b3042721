package dev.slopipeline.router.delivery.service;

import dev.slopipeline.router.delivery.Receiver;
import java.util.Objects;

/**
 * One channel of a configured receiver, ready for the dispatcher.
 *
 * @param receiver     the dispatcher's receiver, named {@link IntegrationId#name()}
 * @param sendResolved whether groups go to this channel once all their alerts resolved (Alertmanager's
 *                     {@code send_resolved})
 */
record Integration(IntegrationId id, Receiver receiver, boolean sendResolved) {

    Integration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receiver, "receiver");
        if (!receiver.name().equals(id.name())) {
            throw new IllegalArgumentException("integration " + id.name() + " has a receiver named " + receiver.name());
        }
    }
}
