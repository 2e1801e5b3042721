package dev.slopipeline.router.delivery;

/** One way a receiver is notified. */
public sealed interface ChannelConfig permits WebhookConfig, SlackConfig, PagerdutyConfig {

    /** Whether to notify when the alerts of a group resolve, not only when they fire. */
    boolean sendResolved();
}
