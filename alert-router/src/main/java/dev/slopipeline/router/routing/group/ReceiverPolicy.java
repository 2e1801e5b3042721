package dev.slopipeline.router.routing.group;

/**
 * What the notification decision needs to know about a receiver. A receiver whose pages open incidents counts as one
 * with channels that want resolved alerts, whatever channels it has: the incident processor must hear of its pages, and
 * of their recovery.
 *
 * @param hasChannels  false for a receiver without channels, which Alertmanager accepts to discard alerts: nothing
 *                     is sent to it or logged for it
 * @param sendResolved whether any of its channels wants to hear about resolved alerts. Alertmanager decides this per
 *                     channel; notifications here are per receiver, so a receiver whose channels disagree is sent
 *                     resolved alerts and the dispatcher leaves them out for a channel that does not want them
 */
public record ReceiverPolicy(String name, boolean hasChannels, boolean sendResolved) {
}
