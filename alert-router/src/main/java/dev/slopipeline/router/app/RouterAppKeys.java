package dev.slopipeline.router.app;

import static dev.slopipeline.kit.config.ValueTypes.bool;
import static dev.slopipeline.kit.config.ValueTypes.duration;
import static dev.slopipeline.kit.config.ValueTypes.httpUrl;
import static dev.slopipeline.kit.config.ValueTypes.integer;
import static dev.slopipeline.kit.config.ValueTypes.path;
import static dev.slopipeline.kit.config.ValueTypes.text;

import dev.slopipeline.kit.config.KafkaSettings;
import dev.slopipeline.kit.config.Key;
import dev.slopipeline.kit.config.KeySet;
import dev.slopipeline.kit.config.LoggingKeys;
import dev.slopipeline.kit.time.Durations;
import dev.slopipeline.router.delivery.service.DeliverySettings;
import dev.slopipeline.router.delivery.service.DispatchTopics;
import dev.slopipeline.router.routing.silence.SilenceLimits;
import dev.slopipeline.router.topology.RouterTopics;
import dev.slopipeline.router.topology.RouterTopologyConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of the alert router, by its key in a config file: {@code router.http.port} is
 * {@code SLO_PIPELINE_ROUTER_HTTP_PORT} in the environment. The {@code router.} prefix lets one file configure the
 * streams app and the router; {@code bootstrap.servers} and {@code kafka.*} are the same keys for both.
 */
public final class RouterAppKeys {

    public static final Key<String> BOOTSTRAP_SERVERS = KafkaSettings.BOOTSTRAP_SERVERS;
    public static final Key<Path> CONFIG = Key.of("router.config", path(), null,
            "the router's Alertmanager-format file, reloaded when it changes; absent: alerts are grouped but sent nowhere");
    public static final Key<Path> ONCALL_CONFIG = Key.of("router.oncall.config", path(), null,
            "the on-call file beside router.config (users, schedules, escalation_policies, paging, heartbeat, delivery),"
                    + " reloaded with it; absent: router.config may hold them itself (deprecated)");
    public static final Key<Integer> HTTP_PORT = Key.of("router.http.port", integer(0, 65_535), "9095",
            "the router's HTTP API, health and metrics; 0 picks a free port");
    public static final Key<String> APPLICATION_ID = Key.of("router.application.id", KafkaSettings.NAME,
            "slo-pipeline-router", "the router's Kafka Streams application id; its delivery group adds -dispatch");
    public static final Key<Path> STATE_DIR = Key.of("router.state.dir", path(), "data/router", "the router's state stores");
    public static final Key<String> INSTANCE_ID = Key.of("router.instance.id", KafkaSettings.NAME, null,
            "this router's static member id in its groups (group.instance.id); absent: the host name and a hash of"
                    + " router.state.dir, the same across restarts");
    public static final Key<URI> EXTERNAL_URL = Key.of("router.external.url", httpUrl(), null,
            "how people reach the router, written into notifications; absent: http://localhost:<router.http.port>");
    public static final Key<Integer> PARTITIONS = Key.of("router.partitions", integer(1, 10_000), "3",
            "partitions of the topics the router creates; topics that exist keep theirs");
    public static final Key<String> API_TOKEN = Key.secret("router.api.token", text(),
            "bearer token for writes to the router API (silences, acks), named \"write token\"; absent: writes are refused");
    public static final Key<String> API_READ_TOKEN = Key.secret("router.api.read.token", text(),
            "bearer token for reads of the router API only, named \"read token\"");
    public static final Key<Path> API_TOKENS_FILE = Key.of("router.api.tokens.file", path(), null,
            "more tokens, one per line: name scope token (scope read or write); the name is recorded on what it does");
    public static final Key<Boolean> API_READS_NEED_TOKEN = Key.of("router.api.reads.need.token", bool(), "false",
            "whether reads need a token even when no token is configured (then every read is refused); with any "
                    + "token configured they always do");
    public static final Key<Boolean> METRICS_PERSON_LABELS = Key.of("router.metrics.person.labels", bool(), "false",
            "whether /metrics names people (the user label of router_pages_total and router_incidents_time_to_ack); "
                    + "false: those meters count everyone together");
    public static final Key<Integer> SILENCES_MAX = Key.of("router.silences.max", integer(1, 1_000_000),
            String.valueOf(SilenceLimits.DEFAULT_MAX_SILENCES),
            "active and pending silences the router keeps at most; a new one beyond is refused");
    public static final Key<Duration> SILENCES_MAX_DURATION = Key.of("router.silences.max.duration", duration(),
            Durations.format(SilenceLimits.DEFAULT_MAX_DURATION), "the longest a silence may last");
    public static final Key<Duration> PUNCTUATION_INTERVAL = Key.of("router.punctuation.interval", duration(),
            Durations.format(RouterTopologyConfig.DEFAULT_PUNCTUATION_INTERVAL),
            "how often due groups are flushed; group_wait and group_interval are honoured to within this");
    public static final Key<Duration> CONFIG_CHECK_INTERVAL = Key.of("router.config.check.interval", duration(), "5s",
            "how often router.config is checked for changes");
    public static final Key<Integer> MAX_UNFINISHED_INTENTS = Key.of("router.max.unfinished.intents",
            integer(1, 10_000_000), String.valueOf(DeliverySettings.DEFAULT_MAX_UNFINISHED_INTENTS),
            "notification intents that may wait for their receivers before the router stops reading more");
    public static final Key<Duration> DELIVERIES_RETENTION = Key.of("router.deliveries.retention", duration(),
            Durations.format(DispatchTopics.DEFAULT_DELIVERIES_RETENTION),
            "how long router.deliveries keeps an outcome; at least the retention of router.notifications");

    public static final Key<String> TOPIC_ALERTS = topic("alerts", RouterTopics.DEFAULT.alerts(), "SLO alert transitions in");
    public static final Key<String> TOPIC_COMMANDS = topic("commands", RouterTopics.DEFAULT.commands(), "silence commands in");
    public static final Key<String> TOPIC_SILENCES = topic("silences", RouterTopics.DEFAULT.silences(),
            "every silence's state (compacted)");
    public static final Key<String> TOPIC_NOTIFICATIONS = topic("notifications", RouterTopics.DEFAULT.notifications(),
            "notification intents out, for delivery");
    public static final Key<String> TOPIC_DLQ = topic("dlq", RouterTopics.DEFAULT.deadLetters(),
            "alerts and commands the router could not use, with the reason in a header");
    public static final Key<String> TOPIC_INCIDENT_COMMANDS = topic("incident.commands",
            RouterTopics.DEFAULT.incidentCommands(), "acknowledgements and resolutions in");
    public static final Key<String> TOPIC_INCIDENTS = topic("incidents", RouterTopics.DEFAULT.incidents(),
            "every incident with its timeline (compacted)");
    public static final Key<String> TOPIC_GROUPS = topic("groups", RouterTopics.DEFAULT.groups(),
            "internal: alerts by group key");
    public static final Key<String> TOPIC_PAGES = topic("pages", RouterTopics.DEFAULT.pages(), "internal: pages by SLO");
    public static final Key<String> TOPIC_ACTIVE_ALERTS = topic("active.alerts", RouterTopics.DEFAULT.activeAlerts(),
            "internal: every firing alert, for inhibition (compacted)");
    public static final Key<String> TOPIC_POSTED_ALERTS = topic("posted.alerts", RouterTopics.DEFAULT.postedAlerts(),
            "alerts posted to /api/v2/alerts (by Prometheus), by fingerprint");
    public static final Key<String> TOPIC_DELIVERIES = topic("deliveries", DispatchTopics.DEFAULT.deliveries(),
            "the outcome of every delivery (compacted, then deleted after router.deliveries.retention)");

    /** The keys of {@link RouterTopics}, in the order of its components. */
    public static final List<Key<String>> TOPICS = List.of(TOPIC_ALERTS, TOPIC_COMMANDS, TOPIC_SILENCES,
            TOPIC_NOTIFICATIONS, TOPIC_DLQ, TOPIC_INCIDENT_COMMANDS, TOPIC_INCIDENTS, TOPIC_GROUPS, TOPIC_PAGES,
            TOPIC_ACTIVE_ALERTS, TOPIC_POSTED_ALERTS);

    /** Every key above, and {@code kafka.*}. */
    public static final KeySet ALL = KeySet.of(List.of(BOOTSTRAP_SERVERS, CONFIG, ONCALL_CONFIG, HTTP_PORT, APPLICATION_ID, STATE_DIR,
                    INSTANCE_ID, EXTERNAL_URL, PARTITIONS, API_TOKEN, API_READ_TOKEN, API_TOKENS_FILE, API_READS_NEED_TOKEN, METRICS_PERSON_LABELS,
                    SILENCES_MAX, SILENCES_MAX_DURATION, PUNCTUATION_INTERVAL,
                    CONFIG_CHECK_INTERVAL, MAX_UNFINISHED_INTENTS, DELIVERIES_RETENTION, TOPIC_ALERTS, TOPIC_COMMANDS,
                    TOPIC_SILENCES, TOPIC_NOTIFICATIONS, TOPIC_DLQ, TOPIC_INCIDENT_COMMANDS, TOPIC_INCIDENTS, TOPIC_GROUPS,
                    TOPIC_PAGES, TOPIC_ACTIVE_ALERTS, TOPIC_POSTED_ALERTS, TOPIC_DELIVERIES))
            .passingThrough(KafkaSettings.PASS_THROUGH)
            .readElsewhere(LoggingKeys.ALL);

    private RouterAppKeys() {
    }

    private static Key<String> topic(String name, String defaultTopic, String description) {
        return Key.of("router.topics." + name, KafkaSettings.NAME, defaultTopic, description);
    }
}
