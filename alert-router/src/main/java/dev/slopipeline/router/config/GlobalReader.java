package dev.slopipeline.router.config;

import dev.slopipeline.kit.yaml.YamlFields;
import dev.slopipeline.kit.yaml.YamlMap;
import dev.slopipeline.router.secret.SecretFields;

/** Reads the {@code global} section; Alertmanager settings for channels not supported yet are ignored. */
final class GlobalReader {

    private static final String[] NOT_SUPPORTED = {
        "http_config", "smtp_from", "smtp_smarthost", "smtp_hello", "smtp_auth_username",
        "smtp_auth_password", "smtp_auth_password_file", "smtp_auth_identity", "smtp_auth_secret",
        "smtp_auth_secret_file", "smtp_require_tls", "smtp_tls_config", "jira_api_url", "victorops_api_key",
        "victorops_api_key_file", "victorops_api_url", "opsgenie_api_key", "opsgenie_api_key_file", "opsgenie_api_url",
        "rocketchat_api_url", "rocketchat_token", "rocketchat_token_file", "rocketchat_token_id",
        "rocketchat_token_id_file", "wechat_api_url", "wechat_api_secret", "wechat_api_corp_id", "telegram_api_url",
        "webex_api_url",
    };

    private GlobalReader() {
    }

    static GlobalConfig read(YamlMap global) {
        GlobalConfig defaults = GlobalConfig.DEFAULTS;
        GlobalConfig config = new GlobalConfig(
                YamlFields.duration(global, "resolve_timeout").orElse(defaults.resolveTimeout()),
                SecretFields.url(global, "slack_api_url"),
                YamlFields.url(global, "pagerduty_url").orElse(defaults.pagerdutyUrl()));
        YamlFields.ignore(global, NOT_SUPPORTED);
        global.rejectUnknownFields();
        return config;
    }
}
