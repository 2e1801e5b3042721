package dev.slopipeline.router.delivery;

import dev.slopipeline.kit.yaml.Located;
import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.kit.yaml.YamlNode;
import dev.slopipeline.router.secret.Secret;
import dev.slopipeline.router.secret.SecretFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code receivers}: unique names, their webhook, Slack and PagerDuty channels, and the slo-pipeline extensions
 * {@code fallback} (on a receiver) and {@code slo_signing_secret_file} / {@code slo_signing_secret_env} (on a webhook).
 * Every credential (webhook {@code url}, Slack {@code api_url}, PagerDuty {@code routing_key}) may come from the file
 * its {@code _file} form names, as in Alertmanager; see {@link SecretFields}.
 */
public final class ReceiverReader {

    /** Alertmanager channel types this router cannot deliver to yet. */
    private static final List<String> UNSUPPORTED_CHANNELS = List.of(
            "discord_configs", "email_configs", "incidentio_configs", "jira_configs", "mattermost_configs",
            "msteams_configs", "msteamsv2_configs", "opsgenie_configs", "pushover_configs", "rocketchat_configs",
            "sns_configs", "telegram_configs", "victorops_configs", "webex_configs", "wechat_configs");
    private static final String SUPPORTED_CHANNELS = "webhook_configs, slack_configs and pagerduty_configs";

    private final Problems problems;
    private final Optional<URI> slackApiUrl;
    private final URI pagerdutyUrl;
    /** Names in order, with the line that first used each, so that duplicates can point at it. */
    private final Map<String, Integer> names = new LinkedHashMap<>();
    /** Each receiver's fallback as written, checked once every receiver is known. */
    private final Map<String, Located<String>> fallbacks = new LinkedHashMap<>();

    /**
     * @param slackApiUrl  {@code global.slack_api_url}, for Slack channels that name no URL of their own
     * @param pagerdutyUrl {@code global.pagerduty_url} or its default, for PagerDuty channels that name none
     */
    public ReceiverReader(Problems problems, Optional<URI> slackApiUrl, URI pagerdutyUrl) {
        this.problems = problems;
        this.slackApiUrl = slackApiUrl;
        this.pagerdutyUrl = pagerdutyUrl;
    }

    /** Every receiver name seen, even of receivers with mistakes, so routes naming them are not also reported. */
    public List<String> names() {
        return List.copyOf(names.keySet());
    }

    public List<ReceiverConfig> read(List<YamlNode> items) {
        List<ReceiverConfig> receivers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            items.get(i).asMap(problems, "receivers[" + i + "]").flatMap(this::receiver).ifPresent(receivers::add);
        }
        new FallbackCheck(problems, receivers, fallbacks).run();
        return receivers;
    }

    private Optional<ReceiverConfig> receiver(YamlMap map) {
        Optional<String> name = map.requireString("name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Integer firstLine = names.putIfAbsent(name.get(), map.get("name").orElseThrow().location().line());
        if (firstLine != null) {
            problems.error(map.get("name").orElseThrow().location(), "receiver name \"" + name.get()
                    + "\" is already used at line " + firstLine + "; receiver names must be unique");
        }
        String what = "receiver \"" + name.get() + "\"";
        List<ChannelConfig> channels = new ArrayList<>();
        channels.addAll(channels(map, "webhook_configs", what, this::webhook));
        channels.addAll(channels(map, "slack_configs", what, this::slack));
        channels.addAll(channels(map, "pagerduty_configs", what, this::pagerduty));
        for (String unsupported : UNSUPPORTED_CHANNELS) {
            if (map.has(unsupported)) {
                problems.error(map.keyLocation(unsupported), "\"" + unsupported + "\" in " + what
                        + " is an Alertmanager channel that slo-pipeline does not deliver to yet; use " + SUPPORTED_CHANNELS);
            }
        }
        Optional<String> fallback = map.get("fallback").flatMap(node -> node.asText(problems, map.describe("fallback"))
                .map(text -> {
                    fallbacks.putIfAbsent(name.get(), new Located<>(text, node.location()));
                    return text;
                }));
        map.rejectUnknownFields();
        return Optional.of(new ReceiverConfig(name.get(), channels, fallback));
    }

    private <T extends ChannelConfig> List<T> channels(YamlMap receiver, String field, String what,
                                                       Function<YamlMap, Optional<T>> reader) {
        List<T> channels = new ArrayList<>();
        List<YamlNode> items = receiver.get(field)
                .flatMap(node -> node.asList(problems, receiver.describe(field))).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            items.get(i).asMap(problems, field + "[" + i + "] of " + what).flatMap(map -> {
                Optional<T> channel = reader.apply(map);
                map.rejectUnknownFields();
                return channel;
            }).ifPresent(channels::add);
        }
        return channels;
    }

    private Optional<WebhookConfig> webhook(YamlMap map) {
        YamlFields.ignore(map, "http_config", "timeout");
        if (!SecretFields.written(map, "url")) {
            problems.error(map.location(), map.what() + " is missing the required field \"url\" (or \"url_file\")");
        }
        Optional<URI> url = SecretFields.url(map, "url");
        boolean sendResolved = YamlFields.flag(map, "send_resolved", true);
        int maxAlerts = map.get("max_alerts").flatMap(node -> {
            long value = node.asInteger(problems, map.describe("max_alerts")).orElse(0);
            if (value < 0 || value > Integer.MAX_VALUE) {
                problems.error(node.location(), map.describe("max_alerts") + " must be 0 (all alerts) or a positive number, got " + value);
                return Optional.empty();
            }
            return Optional.of((int) value);
        }).orElse(0);
        Optional<Secret> signingSecret = SecretFields.fileOrEnvironment(map, "slo_signing_secret_file",
                "slo_signing_secret_env", SecretFields.Check.ANY);
        return url.map(u -> new WebhookConfig(u, sendResolved, maxAlerts, signingSecret));
    }

    private Optional<SlackConfig> slack(YamlMap map) {
        YamlFields.ignore(map, "http_config", "icon_emoji", "icon_url", "link_names", "username", "actions",
                "callback_id", "color", "fallback", "fields", "footer", "mrkdwn_in", "pretext", "short_fields", "text",
                "title", "title_link", "image_url", "thumb_url");
        boolean written = SecretFields.written(map, "api_url");
        Optional<URI> apiUrl = written ? SecretFields.url(map, "api_url") : slackApiUrl;
        if (!written && apiUrl.isEmpty()) {
            problems.error(map.location(), map.what() + " has no \"api_url\" (or \"api_url_file\") and there is no"
                    + " \"slack_api_url\" (or \"slack_api_url_file\") in \"global\"; set one of them to the Slack"
                    + " incoming webhook URL");
        }
        Optional<String> channel = YamlFields.text(map, "channel").filter(c -> !c.isEmpty());
        boolean sendResolved = YamlFields.flag(map, "send_resolved", false);
        return apiUrl.map(url -> new SlackConfig(url, channel, sendResolved));
    }

    private Optional<PagerdutyConfig> pagerduty(YamlMap map) {
        YamlFields.ignore(map, "http_config", "client", "client_url", "description", "details", "images",
                "links", "source", "component", "group", "class");
        boolean eventsApiV1 = map.has("service_key") || map.has("service_key_file");
        if (eventsApiV1) {
            String field = map.has("service_key") ? "service_key" : "service_key_file";
            problems.error(map.keyLocation(field), map.describe(field) + " is for PagerDuty's Prometheus integration "
                    + "(Events API v1); slo-pipeline uses Events API v2: write the integration key as \"routing_key\"");
        }
        if (!eventsApiV1 && !SecretFields.written(map, "routing_key")) {
            problems.error(map.location(), map.what() + " is missing the required field \"routing_key\""
                    + " (or \"routing_key_file\")");
        }
        Optional<Secret> routingKey = SecretFields.inlineOrFile(map, "routing_key", SecretFields.Check.ANY);
        URI url = YamlFields.url(map, "url").orElse(pagerdutyUrl);
        // Alertmanager's default is "error" for everything; mapping the alert's own severity keeps tickets quiet.
        Optional<String> severity = YamlFields.text(map, "severity").filter(text -> !text.contains("{{"));
        boolean sendResolved = YamlFields.flag(map, "send_resolved", true);
        if (eventsApiV1) {
            return Optional.empty();
        }
        return routingKey.map(key -> new PagerdutyConfig(key, url, severity, sendResolved));
    }
}
