package dev.slopipeline.router.config;

import dev.slopipeline.router.secret.Redacted;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings that apply everywhere and serve as defaults for channels.
 *
 * @param resolveTimeout how long after its last update an alert without an end time counts as resolved
 * @param slackApiUrl    the Slack webhook used by Slack channels that name none ({@code slack_api_url} or the file
 *                       {@code slack_api_url_file} names); a credential, so {@link #toString()} masks it
 * @param pagerdutyUrl   the PagerDuty Events API v2 endpoint used by PagerDuty channels that name none
 */
public record GlobalConfig(Duration resolveTimeout, Optional<URI> slackApiUrl, URI pagerdutyUrl) {

    public static final GlobalConfig DEFAULTS = new GlobalConfig(
            Duration.ofMinutes(5), Optional.empty(), URI.create("https://events.pagerduty.com/v2/enqueue"));

    @Override
    public String toString() {
        return "GlobalConfig[resolveTimeout=" + resolveTimeout + ", slackApiUrl=" + slackApiUrl.map(Redacted::url)
                + ", pagerdutyUrl=" + pagerdutyUrl + "]";
    }
}
