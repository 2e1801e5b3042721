package dev.slopipeline.router.topology;

import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.oncall.escalation.PagingConfig;
import dev.slopipeline.router.oncall.heartbeat.HeartbeatWatch;
import dev.slopipeline.router.oncall.incident.IncidentJson;
import dev.slopipeline.router.oncall.incident.IncidentMetrics;
import dev.slopipeline.router.oncall.incident.IncidentProcessor;
import dev.slopipeline.router.oncall.incident.IncidentWiring;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The alert router as a Kafka Streams topology; see the package overview for the picture, the topics and their
 * formats. Every processor, store and topic is named here.
 */
public final class RouterTopology {

    public static final String ALERTS_SOURCE = "slo-alerts-source";
    public static final String ROUTE = "route";
    public static final String HEARTBEAT_STORE = "route-silent-pipeline-page";
    public static final String GROUPS_SINK = "groups-sink";
    public static final String ACTIVE_ALERTS_SINK = "active-alerts-sink";
    public static final String ROUTE_DEAD_LETTER_SINK = "route-dead-letter-sink";
    public static final String POSTED_ALERTS_SOURCE = "posted-alerts-source";
    public static final String POSTED_ALERTS = "posted-alerts";
    public static final String POSTED_ALERTS_STORE = "posted-alerts-firing";

    public static final String GROUPS_SOURCE = "groups-source";
    public static final String GROUP = "group";
    public static final String ENGINE_STORE = "group-engine";
    public static final String NOTIFICATIONS_SINK = "notifications-sink";
    public static final String PAGES_SINK = "pages-sink";
    public static final String GROUP_DEAD_LETTER_SINK = "group-dead-letter-sink";

    public static final String COMMANDS_SOURCE = "router-commands-source";
    public static final String SILENCE_COMMANDS = "silence-commands";
    public static final String SILENCE_COMMANDS_STORE = "silence-commands-silences";
    public static final String SILENCES_SINK = "silences-sink";
    public static final String SILENCE_DEAD_LETTER_SINK = "silence-dead-letter-sink";
    public static final String SILENCE_ADMISSION_SINK = "silence-admission-sink";

    public static final String SILENCES_SOURCE = "silences-global-source";
    public static final String SILENCES_UPDATER = "silences-global-updater";
    public static final String SILENCES_STORE = "silences-global";

    public static final String PAGES_SOURCE = "pages-source";
    public static final String INCIDENT_COMMANDS_SOURCE = "incident-commands-source";
    public static final String INCIDENTS = "incidents";
    public static final String INCIDENTS_STORE = IncidentProcessor.STORE;
    public static final String INCIDENTS_SINK = "incidents-sink";
    public static final String INCIDENT_NOTIFICATIONS_SINK = "incident-notifications-sink";
    public static final String INCIDENT_DEAD_LETTER_SINK = "incident-dead-letter-sink";

    public static final String INCIDENTS_VIEW_SOURCE = "incidents-global-source";
    public static final String INCIDENTS_VIEW_UPDATER = "incidents-global-updater";
    public static final String INCIDENTS_VIEW_STORE = "incidents-global";

    public static final String HEARTBEATS_SOURCE = "heartbeats-global-source";
    public static final String HEARTBEATS_UPDATER = "heartbeats-global-updater";
    public static final String HEARTBEATS_STORE = "heartbeats-global";

    public static final String ACTIVE_ALERTS_SOURCE = "active-alerts-global-source";
    public static final String ACTIVE_ALERTS_UPDATER = "active-alerts-global-updater";
    public static final String ACTIVE_ALERTS_STORE = "active-alerts-global";

    private RouterTopology() {
    }

    public static Topology build(RouterTopologyConfig config) {
        return build(config, config::routerConfig);
    }

    /**
     * The topology with a router config that may change while it runs (a reload): each task picks up the supplier's
     * current config before its next alert or tick, keeping its groups, timers and notification log (see
     * {@code GroupingEngine.importState}); incidents take the current users, schedules, escalation policies and
     * paging options at each page, command and tick, and the heartbeat watch its current {@code silent_after}.
     * {@code config.routerConfig()} is ignored. The topology's shape is fixed here, from the supplier's config at
     * build time: whether the heartbeat is watched and its {@code watch_topic} change only with a restart.
     */
    public static Topology build(RouterTopologyConfig config, Supplier<RouterConfig> liveConfig) {
        RouterTopics topics = config.topics();
        Topology topology = new Topology();
        boolean watchesHeartbeats = liveConfig.get().paging().heartbeat().isPresent();

        // Route: each alert to the group key of every route it matches, and to the cluster-wide table of firing alerts.
        topology.addSource(ALERTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.alerts());
        topology.addProcessor(ROUTE, () -> new RouteProcessor(config, liveConfig, watchesHeartbeats), ALERTS_SOURCE);
        if (watchesHeartbeats) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEARTBEAT_STORE),
                    Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), ROUTE);
        }
        // Alerts posted to Alertmanager's API are routed beside them, by the same tasks (same partition counts).
        topology.addSource(POSTED_ALERTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.postedAlerts());
        topology.addProcessor(POSTED_ALERTS, () -> new PostedAlertProcessor(config, liveConfig), POSTED_ALERTS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSTED_ALERTS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), POSTED_ALERTS);
        topology.addSink(GROUPS_SINK, topics.groups(), new ByteArraySerializer(), new ByteArraySerializer(), ROUTE,
                POSTED_ALERTS);
        topology.addSink(ACTIVE_ALERTS_SINK, topics.activeAlerts(), new ByteArraySerializer(),
                new ByteArraySerializer(), ROUTE, POSTED_ALERTS);
        topology.addSink(ROUTE_DEAD_LETTER_SINK, topics.deadLetters(), new ByteArraySerializer(),
                new ByteArraySerializer(), ROUTE, POSTED_ALERTS);

        // Group: one task owns each group key, whichever SLOs and partitions its alerts came from.
        topology.addSource(GROUPS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.groups());
        topology.addProcessor(GROUP, () -> new GroupProcessor(config, liveConfig), GROUPS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENGINE_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), GROUP);
        topology.addSink(NOTIFICATIONS_SINK, topics.notifications(), new ByteArraySerializer(),
                new ByteArraySerializer(), GROUP);
        topology.addSink(PAGES_SINK, topics.pages(), new ByteArraySerializer(), new ByteArraySerializer(), GROUP);
        topology.addSink(GROUP_DEAD_LETTER_SINK, topics.deadLetters(), new ByteArraySerializer(),
                new ByteArraySerializer(), GROUP);

        // Incidents: pages become incidents after routing, grouping, inhibition and silences; pages and commands are
        // both keyed by SLO, so one task owns an SLO's incidents.
        topology.addSource(PAGES_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.pages());
        topology.addSource(INCIDENT_COMMANDS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.incidentCommands());
        IncidentWiring wiring = new IncidentWiring(topics.incidentCommands(), INCIDENT_NOTIFICATIONS_SINK,
                INCIDENTS_SINK, INCIDENT_DEAD_LETTER_SINK, config.externalUrl(), config.punctuationInterval());
        Supplier<PagingConfig> livePaging = () -> liveConfig.get().paging();
        topology.addProcessor(INCIDENTS, () -> new IncidentProcessor(wiring, livePaging,
                new IncidentMetrics(config.metrics(), () -> livePaging.get().onCall())),
                PAGES_SOURCE, INCIDENT_COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), INCIDENTS);
        topology.addSink(INCIDENTS_SINK, topics.incidents(), new ByteArraySerializer(), new ByteArraySerializer(),
                INCIDENTS);
        topology.addSink(INCIDENT_NOTIFICATIONS_SINK, topics.notifications(), new ByteArraySerializer(),
                new ByteArraySerializer(), INCIDENTS);
        topology.addSink(INCIDENT_DEAD_LETTER_SINK, topics.deadLetters(), new ByteArraySerializer(),
                new ByteArraySerializer(), INCIDENTS);

        // Silences: one writer per silence id; one task, partition 0's, creates them all, so that their limits hold.
        topology.addSource(COMMANDS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.commands());
        topology.addProcessor(SILENCE_COMMANDS, () -> new SilenceCommandProcessor(topics.commands(),
                config.silenceLimits()), COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SILENCE_COMMANDS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled(), SILENCE_COMMANDS);
        topology.addSink(SILENCES_SINK, topics.silences(), new ByteArraySerializer(), new ByteArraySerializer(),
                SILENCE_COMMANDS);
        topology.addSink(SILENCE_DEAD_LETTER_SINK, topics.deadLetters(), new ByteArraySerializer(),
                new ByteArraySerializer(), SILENCE_COMMANDS);
        topology.addSink(SILENCE_ADMISSION_SINK, topics.commands(), new ByteArraySerializer(), new ByteArraySerializer(),
                (topic, key, value, partitions) -> Optional.of(Set.of(SilenceCommandProcessor.ADMISSION_PARTITION)),
                SILENCE_COMMANDS);

        // Global stores take no changelog: the compacted topic is the log, replayed in full on every instance.
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SILENCES_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                SILENCES_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.silences(),
                SILENCES_UPDATER, SilencesUpdater::new);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS_VIEW_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                INCIDENTS_VIEW_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.incidents(),
                INCIDENTS_VIEW_UPDATER, () -> new CheckedStoreUpdater(INCIDENTS_VIEW_STORE, IncidentJson::readable));
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACTIVE_ALERTS_STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                ACTIVE_ALERTS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.activeAlerts(),
                ACTIVE_ALERTS_UPDATER, () -> new CheckedStoreUpdater(ACTIVE_ALERTS_STORE, RouterTopology::firingAlert));
        // Every instance sees every heartbeat; the route task of partition 0 alone decides on silence.
        liveConfig.get().paging().heartbeat().ifPresent(heartbeat -> topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEARTBEATS_STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                HEARTBEATS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), heartbeat.watchTopic(),
                HEARTBEATS_UPDATER, () -> new CheckedStoreUpdater(HEARTBEATS_STORE,
                        value -> HeartbeatWatch.aliveAt(value).isPresent())));
        return topology;
    }

    private static boolean firingAlert(byte[] value) {
        try {
            return !AlertJson.decode(value).resolved();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
