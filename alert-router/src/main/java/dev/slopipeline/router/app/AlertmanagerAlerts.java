package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slopipeline.kit.http.Json;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.kit.regex.GoRegex;
import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.notification.AlertJson;
import dev.slopipeline.router.notification.Fingerprint;
import dev.slopipeline.router.notification.LabelledAlert;
import dev.slopipeline.router.routing.inhibit.DefaultInhibition;
import dev.slopipeline.router.routing.inhibit.Inhibitor;
import dev.slopipeline.router.routing.matcher.Matchers;
import dev.slopipeline.router.routing.route.Route;
import dev.slopipeline.router.routing.silence.Silences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Alertmanager's {@code GET /api/v2/alerts}: every firing alert of the cluster (SLO alerts and posted ones alike,
 * from the global store of {@code router.active-alerts}), each with the receivers its routes reach and whether a
 * silence or an inhibition rule suppresses it now, as Alertmanager's API shows them, in fingerprint order.
 *
 * <p>Query parameters as Alertmanager's: {@code filter} (matchers, repeated), {@code receiver} (a regex the name of
 * one of its receivers matches in full), {@code active}, {@code silenced}, {@code inhibited} (each {@code true} by
 * default: whether to show alerts that are neither, silenced, inhibited). No alert is {@code unprocessed} here, so
 * that parameter changes nothing. An alert whose end nobody knows yet (every firing alert: an SLO alert ends with its
 * transition, a posted one when it is not sent again) shows Go's zero time as {@code endsAt}.
 */
final class AlertmanagerAlerts {

    static final String PATH = "/api/v2/alerts";
    static final String GROUPS_PATH = "/api/v2/alerts/groups";

    /** A firing alert as the API shows it. */
    record Shown(LabelledAlert alert, List<String> receivers, List<UUID> silencedBy, List<Fingerprint> inhibitedBy) {

        boolean suppressed() {
            return !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
        }
    }

    /** What a request asks to see. */
    record Filter(Matchers matchers, Optional<GoRegex> receiver, boolean active, boolean silenced, boolean inhibited) {

        /** @throws IllegalArgumentException naming the parameter that is wrong */
        static Filter of(Request request) {
            Optional<GoRegex> receiver = request.parameter("receiver").filter(text -> !text.isEmpty())
                    .map(GoRegex::labelMatcher);
            return new Filter(AlertmanagerJson.filter(request.parameters("filter")), receiver,
                    flag(request, "active"), flag(request, "silenced"), flag(request, "inhibited"));
        }

        /** For the list: one of the alert's receivers must match. */
        boolean passes(Shown shown) {
            return passesLabelsAndState(shown) && shown.receivers().stream().anyMatch(this::receiverPasses);
        }

        boolean passesLabelsAndState(Shown shown) {
            return matchers.matches(shown.alert().labels())
                    && (active || shown.suppressed())
                    && (silenced || shown.silencedBy().isEmpty())
                    && (inhibited || shown.inhibitedBy().isEmpty());
        }

        boolean receiverPasses(String name) {
            return receiver.map(regex -> regex.matches(name)).orElse(true);
        }

        private static boolean flag(Request request, String name) {
            String value = request.parameter(name).orElse("true");
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("parameter \"" + name + "\": expected true or false, got \"" + value
                        + "\"");
            }
            return Boolean.parseBoolean(value);
        }
    }

    private final Supplier<ReadOnlyKeyValueStore<String, byte[]>> activeAlerts;
    private final SilenceDesk silences;
    private final Supplier<RouterConfig> liveConfig;
    private final DefaultInhibition inhibition;

    AlertmanagerAlerts(Supplier<ReadOnlyKeyValueStore<String, byte[]>> activeAlerts, SilenceDesk silences,
                       Supplier<RouterConfig> liveConfig, DefaultInhibition inhibition) {
        this.activeAlerts = activeAlerts;
        this.silences = silences;
        this.liveConfig = liveConfig;
        this.inhibition = inhibition;
    }

    Reply list(Request request) {
        return answer(request, (filter, shown) -> {
            ArrayNode items = Json.object().arrayNode();
            shown.stream().filter(filter::passes).forEach(alert -> items.add(json(alert)));
            return items;
        });
    }

    /**
     * {@code GET /api/v2/alerts/groups}: the firing alerts in the aggregation groups the live routes put them in (one
     * per route and group key, as Alertmanager's dispatcher has them), each with its group labels and receiver, in
     * group key order; a group none of whose alerts passes the filter is left out. {@code receiver} filters on the
     * group's receiver.
     */
    Reply groups(Request request) {
        return answer(request, (filter, shown) -> {
            Route root = liveConfig.get().route();
            Map<String, ObjectNode> groups = new TreeMap<>();
            for (Shown alert : shown) {
                if (!filter.passesLabelsAndState(alert)) {
                    continue;
                }
                for (Route route : root.match(alert.alert().labels())) {
                    if (filter.receiverPasses(route.receiver())) {
                        groups.computeIfAbsent(route.groupKey(alert.alert().labels()), key -> group(route, alert))
                                .withArray("alerts").add(json(alert));
                    }
                }
            }
            ArrayNode items = Json.object().arrayNode();
            groups.values().forEach(items::add);
            return items;
        });
    }

    private static ObjectNode group(Route route, Shown first) {
        ObjectNode group = Json.object();
        group.set("labels", AlertmanagerJson.labelSet(route.groupLabels(first.alert().labels())));
        group.putObject("receiver").put("name", route.receiver());
        group.putArray("alerts");
        return group;
    }

    /** Reads the request's filter and every shown alert, and answers 200 with what {@code body} makes of them. */
    private Reply answer(Request request, BiFunction<Filter, List<Shown>, JsonNode> body) {
        Filter filter;
        try {
            filter = Filter.of(request);
        } catch (IllegalArgumentException e) {
            return AlertmanagerJson.error(400, e.getMessage());
        }
        return silences.read((all, now) -> {
            try {
                return Reply.json(200, body.apply(filter, shown(all, now)));
            } catch (InvalidStateStoreException e) {
                return Reply.unavailable("the alerts are not readable yet: " + e.getMessage());
            }
        });
    }

    /** Every firing alert with its receivers and what suppresses it, in fingerprint order. */
    List<Shown> shown(Silences all, Instant now) {
        List<LabelledAlert> firing = firing();
        RouterConfig config = liveConfig.get();
        Inhibitor inhibitor = new Inhibitor(inhibition.applyTo(config.inhibitRules()));
        List<Shown> shown = new ArrayList<>();
        for (LabelledAlert alert : firing) {
            shown.add(new Shown(alert, receivers(config.route(), alert), all.silencedBy(alert.labels(), now),
                    inhibitor.inhibitedBy(alert.labels(), firing)));
        }
        shown.sort(Comparator.comparing(each -> each.alert().fingerprint()));
        return shown;
    }

    /** A {@code gettableAlert}. */
    static ObjectNode json(Shown shown) {
        LabelledAlert alert = shown.alert();
        ObjectNode node = Json.object();
        node.set("labels", AlertmanagerJson.labelSet(alert.labels()));
        node.set("annotations", AlertmanagerJson.labelSet(alert.annotations()));
        ArrayNode receivers = node.putArray("receivers");
        shown.receivers().forEach(name -> receivers.addObject().put("name", name));
        node.put("fingerprint", alert.fingerprint().toString())
                .put("startsAt", AlertmanagerJson.time(alert.startsAt()))
                .put("updatedAt", AlertmanagerJson.time(alert.updatedAt()))
                .put("endsAt", AlertmanagerJson.time(alert.resolved() ? alert.endsAt() : AlertmanagerJson.GO_ZERO_TIME));
        ObjectNode status = node.putObject("status").put("state", shown.suppressed() ? "suppressed" : "active");
        ArrayNode silencedBy = status.putArray("silencedBy");
        shown.silencedBy().forEach(id -> silencedBy.add(id.toString()));
        ArrayNode inhibitedBy = status.putArray("inhibitedBy");
        shown.inhibitedBy().forEach(fingerprint -> inhibitedBy.add(fingerprint.toString()));
        return node;
    }

    private List<LabelledAlert> firing() {
        List<LabelledAlert> firing = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = activeAlerts.get().all()) {
            // the store's updater keeps only firing alerts that decode
            all.forEachRemaining(entry -> firing.add(AlertJson.decode(entry.value)));
        }
        return firing;
    }

    private static List<String> receivers(Route root, LabelledAlert alert) {
        Set<String> names = new LinkedHashSet<>();
        root.match(alert.labels()).forEach(route -> names.add(route.receiver()));
        return List.copyOf(names);
    }
}
