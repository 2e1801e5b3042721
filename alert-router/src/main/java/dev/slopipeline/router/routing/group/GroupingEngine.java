package dev.slopipeline.router.routing.group;

import dev.slopipeline.router.notification.AlertStore.Admission;
import dev.slopipeline.router.notification.AlertStore;
import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.routing.route.Route;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Alertmanager's dispatcher without threads or clocks: sorts alerts into aggregation groups per matching route and
 * group key, and flushes each group group_wait after it opens, then every group_interval, through the
 * {@link NotificationPipeline}.
 *
 * <p>Every method takes the current time; nothing reads a clock. Not thread-safe: one stream task owns one engine.
 * See the package overview for how a Kafka processor drives it.
 */
public final class GroupingEngine {

    private final Route root;
    private final Map<String, Route> routesById;
    private final Map<String, ReceiverPolicy> receivers;
    private final NotificationPipeline pipeline;
    private final URI externalUrl;
    private final Supplier<Collection<LabelledAlert>> clusterAlerts;

    private final AlertStore alerts = new AlertStore();
    private final TreeMap<String, AggregationGroup> groups = new TreeMap<>();
    private final NotificationLog log = new NotificationLog();

    /** @param externalUrl where humans find the router, put in every notification */
    public GroupingEngine(GroupingConfig config, NotificationPipeline pipeline, URI externalUrl) {
        this(config, pipeline, externalUrl, List::of);
    }

    /**
     * @param clusterAlerts the alerts that other engines of the cluster hold (firing ones at least), read at each
     *                      flush that has a group due, so that inhibition sees every active alert and not only the
     *                      alerts of this engine's groups; where both know an alert, the later transition wins
     */
    public GroupingEngine(GroupingConfig config, NotificationPipeline pipeline, URI externalUrl,
                          Supplier<Collection<LabelledAlert>> clusterAlerts) {
        this.root = config.route();
        this.routesById = root.stream().collect(Collectors.toMap(Route::id, Function.identity()));
        this.receivers = config.receiverPolicies().stream()
                .collect(Collectors.toMap(ReceiverPolicy::name, Function.identity()));
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
        this.clusterAlerts = Objects.requireNonNull(clusterAlerts, "clusterAlerts");
    }

    /**
     * Takes in an alert's latest state: it joins (or opens) a group on every route that matches it. A group that has
     * not flushed yet is flushed at once if the alert started more than group_wait ago, as Alertmanager does, so an
     * old alert seen late is not held back further; call {@link #tick} to run that flush.
     */
    public AlertEffects onAlert(LabelledAlert alert, Instant now) {
        return join(alert, now, root.match(alert.labels()), key -> true);
    }

    /**
     * Takes in an alert's latest state for one group only: the group with {@code groupKey}, on the route (of those
     * that match the alert) that gives it that key. This is how the engine that owns a group in a cluster takes in
     * its alerts, each matching route's group being owned by whichever engine its key was sent to. When no matching
     * route gives that key (the config changed between the router that chose the key and this one), the alert joins
     * every group it matches here, so that it is notified rather than lost; {@link AlertEffects#groups} then lists
     * more than {@code groupKey}, or other keys.
     */
    public AlertEffects onAlert(LabelledAlert alert, String groupKey, Instant now) {
        List<Route> matched = root.match(alert.labels());
        boolean routedHere = matched.stream().anyMatch(route -> route.groupKey(alert.labels()).equals(groupKey));
        return join(alert, now, matched, routedHere ? groupKey::equals : key -> true);
    }

    private AlertEffects join(LabelledAlert alert, Instant now, List<Route> matched, Predicate<String> groupKeys) {
        Fingerprint fingerprint = alert.fingerprint();
        Admission admission = alerts.put(alert);
        if (admission == Admission.STALE) {
            return new AlertEffects(fingerprint, admission, List.of(), List.of());
        }
        List<String> joined = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (Route route : matched) {
            String key = route.groupKey(alert.labels());
            if (!groupKeys.test(key)) {
                continue;
            }
            AggregationGroup group = groups.get(key);
            if (group == null) {
                group = AggregationGroup.open(key, route.id(), route.groupLabels(alert.labels()),
                        now.plus(route.options().groupWait()));
                created.add(key);
            }
            group = group.with(fingerprint);
            if (!group.hasFlushed() && alert.startsAt().plus(route.options().groupWait()).isBefore(now)) {
                group = group.dueBy(now);
            }
            groups.put(key, group);
            joined.add(key);
        }
        return new AlertEffects(fingerprint, admission, joined, created);
    }

    /**
     * Flushes every group that is due, earliest first, and returns the notifications decided, in that order.
     * Resolved alerts leave their group at its flush, and a group left empty is closed. Also forgets what has been
     * kept long enough (log entries, resolved alerts).
     */
    public List<Notification> tick(Instant now) {
        List<AggregationGroup> due = groups.values().stream()
                .filter(group -> !group.nextFlushAt().isAfter(now))
                .sorted(Comparator.comparing(AggregationGroup::nextFlushAt).thenComparing(AggregationGroup::key))
                .toList();
        List<Notification> notifications = new ArrayList<>();
        List<LabelledAlert> known = due.isEmpty() ? List.of() : knownAlerts();
        for (AggregationGroup group : due) {
            flush(group, now, known).ifPresent(notifications::add);
        }
        log.prune(now);
        alerts.prune(now, this::grouped);
        return notifications;
    }

    /** When {@link #tick} next has a group to flush; empty while there are no groups. */
    public Optional<Instant> nextDueAt() {
        return groups.values().stream().map(AggregationGroup::nextFlushAt).min(Comparator.naturalOrder());
    }

    /** The open groups, by key. */
    public List<AggregationGroup> groups() {
        return List.copyOf(groups.values());
    }

    public GroupingState exportState() {
        return new GroupingState(alerts.all(), groups(), log.entries());
    }

    /**
     * Replaces all state with a snapshot. Groups keep their timers when their route still exists; the alerts of a
     * group whose route is gone (the config changed) are taken in again at {@code now}, as Alertmanager re-groups
     * alerts on a config reload, and the log keeps them from being notified twice.
     */
    public void importState(GroupingState state, Instant now) {
        alerts.replaceAll(state.alerts());
        log.replaceAll(state.log());
        groups.clear();
        List<Fingerprint> regroup = new ArrayList<>();
        for (AggregationGroup group : state.groups()) {
            if (routesById.containsKey(group.routeId())) {
                groups.put(group.key(), group);
            } else {
                regroup.addAll(group.alerts());
            }
        }
        regroup.stream().distinct().map(alerts::get).flatMap(Optional::stream).forEach(alert -> onAlert(alert, now));
    }

    private Optional<Notification> flush(AggregationGroup group, Instant now, List<LabelledAlert> known) {
        Route route = routesById.get(group.routeId());
        String receiver = route.receiver();
        ReceiverPolicy policy = receivers.get(receiver); // a loaded config defines every receiver a route names
        List<LabelledAlert> members = group.alerts().stream()
                .map(alerts::get)
                .flatMap(Optional::stream)
                .sorted(LabelledAlert.BY_LABELS)
                .toList();
        FlushContext context = new FlushContext(group.key(), group.labels(), policy, route.options(), now,
                log.get(group.key(), receiver), known);

        FlushDecision decision = pipeline.run(context, members);

        Optional<Notification> notification = Optional.empty();
        if (decision instanceof FlushDecision.Notify notify) {
            LogEntry entry = log.record(group.key(), receiver, notify.firing(), notify.resolved(), now);
            if (!notify.alerts().isEmpty()) {
                notification = Optional.of(Notifications.of(group.key(), receiver, group.labels(), entry,
                        notify.alerts(), externalUrl));
            }
        }
        List<Fingerprint> resolved = members.stream().filter(LabelledAlert::resolved)
                .map(LabelledAlert::fingerprint).toList();
        AggregationGroup after = group.without(resolved).flushed(now.plus(route.options().groupInterval()));
        if (after.alerts().isEmpty()) {
            groups.remove(group.key());
        } else {
            groups.put(group.key(), after);
        }
        return notification;
    }

    /** This engine's alerts and the cluster's, the later transition of each. */
    private List<LabelledAlert> knownAlerts() {
        Collection<LabelledAlert> others = clusterAlerts.get();
        if (others.isEmpty()) {
            return alerts.all();
        }
        Map<Fingerprint, LabelledAlert> known = new HashMap<>();
        for (LabelledAlert alert : others) {
            known.merge(alert.fingerprint(), alert, GroupingEngine::later);
        }
        for (LabelledAlert alert : alerts.all()) {
            known.merge(alert.fingerprint(), alert, GroupingEngine::later);
        }
        return List.copyOf(known.values());
    }

    private static LabelledAlert later(LabelledAlert a, LabelledAlert b) {
        return b.updatedAt().isBefore(a.updatedAt()) ? a : b;
    }

    private boolean grouped(Fingerprint fingerprint) {
        return groups.values().stream().anyMatch(group -> group.alerts().contains(fingerprint));
    }
}
