package dev.slopipeline.router.config;

import java.net.URI;

/**
 * An HTTP POST of Alertmanager's webhook JSON (version 4).
 *
 * @param maxAlerts the most alerts in one message, the rest counted as truncated; 0 for all
 */
public record WebhookConfig(URI url, boolean sendResolved, int maxAlerts) implements ChannelConfig {
}
