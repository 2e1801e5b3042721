package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.delivery.ChannelConfig;
import dev.slopipeline.router.delivery.ReceiverConfig;

/**
 * What the notification decision needs to know about a receiver.
 *
 * @param hasChannels  false for a receiver without channels, which Alertmanager accepts to discard alerts: nothing
 *                     is sent to it or logged for it
 * @param sendResolved whether any of its channels wants to hear about resolved alerts. Alertmanager decides this per
 *                     channel; notifications here are per receiver, so a receiver whose channels disagree is sent
 *                     resolved alerts and the dispatcher leaves them out for a channel that does not want them
 */
public record ReceiverPolicy(String name, boolean hasChannels, boolean sendResolved) {

    public static ReceiverPolicy of(ReceiverConfig receiver) {
        return of(receiver, false);
    }

    /**
     * @param escalates whether its pages open incidents ({@code paging.receivers}): the incident processor must hear
     *                  of them, and of their recovery, even when the receiver has no channel of its own
     */
    public static ReceiverPolicy of(ReceiverConfig receiver, boolean escalates) {
        return new ReceiverPolicy(receiver.name(), escalates || !receiver.channels().isEmpty(),
                escalates || receiver.channels().stream().anyMatch(ChannelConfig::sendResolved));
    }
}
