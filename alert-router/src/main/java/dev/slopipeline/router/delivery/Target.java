package dev.slopipeline.router.delivery;

import dev.slopipeline.router.secret.Redacted;
import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how a channel delivers for one receiver.
 *
 * @param url       the endpoint; for PagerDuty the Events API base (https://events.pagerduty.com). Its path and
 *                  query may hold a credential (a Slack incoming-webhook URL does), so {@link #toString()} shows
 *                  only scheme, host and port ({@link Redacted#url})
 * @param secret    the webhook's HMAC key, or the PagerDuty routing key; null when the receiver has none
 * @param timeout   how long one attempt may wait for an answer before it counts as failed
 * @param maxAlerts at most this many alerts in one message, 0 for all (Alertmanager's {@code max_alerts})
 */
public record Target(URI url, Secret secret, Duration timeout, int maxAlerts) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public Target {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("target url " + Redacted.url(url)
                    + " must be an absolute http:// or https:// URL with a host");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("target timeout must be positive, was " + timeout);
        }
        if (maxAlerts < 0) {
            throw new IllegalArgumentException("maxAlerts must be 0 (all) or more, was " + maxAlerts);
        }
    }

    public static Target of(URI url) {
        return new Target(url, null, DEFAULT_TIMEOUT, 0);
    }

    public Target withSecret(Secret newSecret) {
        return new Target(url, newSecret, timeout, maxAlerts);
    }

    public Target withTimeout(Duration newTimeout) {
        return new Target(url, secret, newTimeout, maxAlerts);
    }

    public Target withMaxAlerts(int newMaxAlerts) {
        return new Target(url, secret, timeout, newMaxAlerts);
    }

    @Override
    public String toString() {
        return "Target[url=" + Redacted.url(url) + ", secret=" + (secret == null ? "none" : secret)
                + ", timeout=" + timeout + ", maxAlerts=" + maxAlerts + "]";
    }
}
