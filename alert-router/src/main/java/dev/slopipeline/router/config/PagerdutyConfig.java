package dev.slopipeline.router.config;

import dev.slopipeline.router.delivery.Secret;
import java.net.URI;

/**
 * A PagerDuty incident through the Events API v2.
 *
 * @param routingKey the integration key of the PagerDuty service, from {@code routing_key} or {@code routing_key_file}
 * @param url        the events endpoint (from {@code global.pagerduty_url} when not written here)
 * @param severity   critical, error, warning or info, or a template that yields one
 */
public record PagerdutyConfig(Secret routingKey, URI url, String severity, boolean sendResolved) implements ChannelConfig {
}
