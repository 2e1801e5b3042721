package dev.slopipeline.faults.receiver;

/** A router config that sends every alert, grouped by SLO and severity, to one webhook. */
public final class PagerRoute {

    private PagerRoute() {
    }

    /** The config as YAML; its one receiver is named {@code pager}; {@code groupWait} as the router reads it, e.g. {@code 500ms}. */
    public static String yaml(String webhookUrl, String groupWait) {
        return """
                route:
                  receiver: pager
                  group_by: [slo, severity]
                  group_wait: %s
                  group_interval: 2s
                  repeat_interval: 1h
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s'}]
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 1s}
                """.formatted(groupWait, webhookUrl);
    }
}
