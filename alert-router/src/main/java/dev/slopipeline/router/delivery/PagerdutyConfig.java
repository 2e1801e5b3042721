package dev.slopipeline.router.delivery;

import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * A PagerDuty incident through the Events API v2.
 *
 * @param routingKey the integration key of the PagerDuty service, from {@code routing_key} or {@code routing_key_file}
 * @param url        the events endpoint (from {@code global.pagerduty_url} when not written here)
 * @param severity   critical, error, warning or info for every event of this receiver; empty (not written, or a
 *                   template, which the router does not evaluate) maps each alert's own severity: page to
 *                   critical, ticket to warning, notify to info
 */
public record PagerdutyConfig(Secret routingKey, URI url, Optional<String> severity, boolean sendResolved) implements ChannelConfig {
}
