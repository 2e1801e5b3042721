package dev.slopipeline.router.delivery.service;

import dev.slopipeline.router.delivery.Channel;
import dev.slopipeline.router.delivery.ChannelConfig;
import dev.slopipeline.router.delivery.DeliveryConfig;
import dev.slopipeline.router.delivery.PagerdutyConfig;
import dev.slopipeline.router.delivery.Receiver;
import dev.slopipeline.router.delivery.ReceiverConfig;
import dev.slopipeline.router.delivery.SlackConfig;
import dev.slopipeline.router.delivery.Target;
import dev.slopipeline.router.delivery.WebhookConfig;
import dev.slopipeline.router.delivery.http.JsonPoster;
import dev.slopipeline.router.delivery.pagerduty.PagerDutyChannel;
import dev.slopipeline.router.delivery.slack.SlackChannel;
import dev.slopipeline.router.delivery.webhook.WebhookChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what the dispatcher delivers to from a router config: each channel config of each receiver becomes an
 * {@link Integration}; a receiver's {@code fallback} becomes the fallback of each of its channels (the fallback
 * receiver has exactly one, the config loader checks that).
 *
 * <ul>
 *   <li>{@code webhook_configs}: the Alertmanager v4 webhook to {@code url} (or {@code url_file}), at most {@code max_alerts} alerts, signed
 *       with the secret of {@code slo_signing_secret_file} or {@code slo_signing_secret_env} when one is set;</li>
 *   <li>{@code slack_configs}: the incoming webhook {@code api_url} or {@code api_url_file} (else
 *       {@code global.slack_api_url} or {@code global.slack_api_url_file}), posting to
 *       {@code channel} when set;</li>
 *   <li>{@code pagerduty_configs}: Events API v2 with {@code routing_key} or {@code routing_key_file}, at
 *       {@code url} (or {@code global.pagerduty_url}) with its {@code /v2/enqueue} path, which the channel adds
 *       itself; {@code severity} (critical, error, warning or info) for every event, or, when not set, each alert's
 *       own severity mapped (page to critical, ticket to warning, notify to info).</li>
 * </ul>
 */
public final class ReceiverFactory {

    private static final String ENQUEUE_PATH = "/v2/enqueue";

    private final JsonPoster poster;
    private final Channel webhook;

    /** @param clock stamps webhook signatures and reads Retry-After dates */
    public ReceiverFactory(HttpClient client, Clock clock) {
        this.poster = new JsonPoster(client, clock);
        this.webhook = new RouteNameChannel(new WebhookChannel(poster, clock));
    }

    public Integrations build(DeliveryConfig config) {
        Map<String, List<Integration>> byReceiver = new LinkedHashMap<>();
        for (ReceiverConfig receiver : config.receivers()) {
            String fallback = receiver.fallback().map(name -> new IntegrationId(name, 0).name()).orElse(null);
            List<Integration> integrations = new ArrayList<>();
            for (ChannelConfig channel : receiver.channels()) {
                IntegrationId id = new IntegrationId(receiver.name(), integrations.size());
                integrations.add(new Integration(id, receiver(id, channel, fallback), channel.sendResolved()));
            }
            byReceiver.put(receiver.name(), integrations);
        }
        return new Integrations(byReceiver);
    }

    private Receiver receiver(IntegrationId id, ChannelConfig channel, String fallback) {
        if (channel instanceof WebhookConfig hook) {
            Target target = Target.of(hook.url()).withMaxAlerts(hook.maxAlerts())
                    .withSecret(hook.signingSecret().orElse(null));
            return new Receiver(id.name(), webhook, target, fallback);
        }
        if (channel instanceof SlackConfig slackConfig) {
            return new Receiver(id.name(), new RouteNameChannel(new SlackChannel(poster, slackConfig.channel())),
                    Target.of(slackConfig.apiUrl()), fallback);
        }
        PagerdutyConfig pd = (PagerdutyConfig) channel;
        return new Receiver(id.name(), new RouteNameChannel(new PagerDutyChannel(poster, pd.severity())), Target.of(eventsApiBase(pd.url())).withSecret(pd.routingKey()),
                fallback);
    }

    /** Alertmanager's {@code url} is the whole enqueue endpoint; our channel wants the base it appends the path to. */
    private static URI eventsApiBase(URI url) {
        String text = url.toString();
        return text.endsWith(ENQUEUE_PATH) ? URI.create(text.substring(0, text.length() - ENQUEUE_PATH.length()))
                : url;
    }
}
