package dev.slopipeline.router.delivery;

import dev.slopipeline.router.secret.Redacted;
import java.net.URI;
import java.util.Optional;

/**
 * A Slack message through an incoming webhook.
 *
 * @param apiUrl  the webhook URL, from {@code api_url} or the file {@code api_url_file} names, else from
 *                {@code global}; the URL is the credential, so {@link #toString()} masks it
 * @param channel the channel or user to post to; empty for the webhook's own channel
 */
public record SlackConfig(URI apiUrl, Optional<String> channel, boolean sendResolved) implements ChannelConfig {

    @Override
    public String toString() {
        return "SlackConfig[apiUrl=" + Redacted.url(apiUrl) + ", channel=" + channel + ", sendResolved=" + sendResolved
                + "]";
    }
}
