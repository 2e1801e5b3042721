package dev.slopipeline.router.delivery;

import java.net.URI;
import java.util.Optional;

/**
 * A Slack message through an incoming webhook.
 *
 * @param apiUrl  the webhook URL (from {@code global.slack_api_url} when not written here)
 * @param channel the channel or user to post to; empty for the webhook's own channel
 */
public record SlackConfig(URI apiUrl, Optional<String> channel, boolean sendResolved) implements ChannelConfig {
}
