package dev.slopipeline.faults.receiver;

/** A router config that sends every alert to one webhook, grouped by SLO and severity unless told otherwise. */
public final class PagerRoute {

    private PagerRoute() {
    }

    /** The config as YAML; its one receiver is named {@code pager}; {@code groupWait} as the router reads it, e.g. {@code 500ms}. */
    public static String yaml(String webhookUrl, String groupWait) {
        return yaml(webhookUrl, "[slo, severity]", groupWait, "2s");
    }

    /**
     * The same with other grouping: {@code groupBy} as a YAML list, e.g. {@code [service]}, and the group's timers,
     * e.g. {@code 10s}. Resolved alerts are sent too.
     */
    public static String yaml(String webhookUrl, String groupBy, String groupWait, String groupInterval) {
        return """
                route:
                  receiver: pager
                  group_by: %s
                  group_wait: %s
                  group_interval: %s
                  repeat_interval: 1h
                receivers:
                - name: pager
                  webhook_configs: [{url: '%s'}]
                delivery: {retry_initial_backoff: 200ms, retry_max_backoff: 1s}
                """.formatted(groupBy, groupWait, groupInterval, webhookUrl);
    }
}
