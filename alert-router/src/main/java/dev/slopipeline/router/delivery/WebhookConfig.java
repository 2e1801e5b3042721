package dev.slopipeline.router.delivery;

import dev.slopipeline.router.secret.Redacted;
import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * An HTTP POST of Alertmanager's webhook JSON (version 4).
 *
 * @param url           from {@code url} or the file {@code url_file} names; its path and query can be a credential,
 *                      so {@link #toString()} masks them
 * @param maxAlerts     the most alerts in one message, the rest counted as truncated; 0 for all
 * @param signingSecret the HMAC key that signs each request ({@code slo_signing_secret_file} or
 *                      {@code slo_signing_secret_env}, an slo-pipeline extension); empty for unsigned requests
 */
public record WebhookConfig(URI url, boolean sendResolved, int maxAlerts, Optional<Secret> signingSecret)
        implements ChannelConfig {

    @Override
    public String toString() {
        return "WebhookConfig[url=" + Redacted.url(url) + ", sendResolved=" + sendResolved + ", maxAlerts=" + maxAlerts
                + ", signingSecret=" + signingSecret + "]";
    }
}
