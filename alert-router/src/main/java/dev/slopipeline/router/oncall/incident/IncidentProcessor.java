package dev.slopipeline.router.oncall.incident;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.kit.result.Decoded;
import dev.slopipeline.router.deadletter.DeadLetterRecord;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.IntentCodec;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.notification.SloFacts;
import dev.slopipeline.router.oncall.escalation.AlertResponse;
import dev.slopipeline.router.oncall.escalation.EscalationProcess;
import dev.slopipeline.router.oncall.escalation.Notify;
import dev.slopipeline.router.oncall.escalation.PagingConfig;
import dev.slopipeline.router.oncall.escalation.Step;
import dev.slopipeline.router.oncall.escalation.TierDefaults;
import dev.slopipeline.router.oncall.escalation.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, escalates and closes incidents for the SLOs of one stream task, on the wall clock.
 *
 * <p>Its inputs are the notifications of the group processor that reach a paging receiver, from {@code router.pages}
 * (so a page is escalated only after routing, grouping, inhibition and silences let it through), and the commands of
 * {@code router.incident-commands}; both are keyed by SLO and have the same partition count, so one task owns every
 * incident of an SLO. A notification holding the pages of several SLOs arrives once per SLO. A firing page alert that reaches a
 * receiver named in {@code paging.receivers} opens an incident under that receiver's policy (its {@code tier} label,
 * 1 when absent, chooses how: see {@link TierDefaults}), unless the alert has an open incident already or its
 * episode (its start) already had one; the alert resolving resolves it. An alert is its label set (its fingerprint),
 * so each series of an SLO split by label has incidents of its own: two regions failing are two incidents, and one
 * region recovering resolves only its own.
 *
 * <p>Every change is written in one exactly-once transaction with its inputs: the incident to the store
 * {@value #STORE} (with a changelog), the whole incident to the compacted incidents topic, and each {@link Notify} as
 * an intent ({@link PageNotifications}). A wall-clock punctuator ticks the open incidents whose timer is due; after a
 * downtime, the first tick fires every overdue timer at once.
 */
public final class IncidentProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /** The processor's store: {@code incident/<id>} the incident, {@code open/<id>} an index of the open ones,
     *  {@code resolved/<epoch millis, 19 digits>/<id>} an index of the resolved ones by time, and
     *  {@code episode/<slo>/page/<fingerprint>} the id and alert start of the latest incident of the SLO's page alert
     *  with that label set ({@code episode/<slo>/page}, as written before SLOs could be split, is read as the episode of
     *  the SLO's one page alert and moved to its new key). */
    public static final String STORE = "router-incidents";

    /**
     * How long a resolved incident stays in the store, for late commands to find; the compacted topic (and so the
     * API) keeps it after that.
     */
    public static final Duration RETENTION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(IncidentProcessor.class);
    private static final String INCIDENT = "incident/";
    private static final String OPEN = "open/";
    private static final String EPISODE = "episode/";
    private static final String RESOLVED = "resolved/";
    private static final String PAGE = "page";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final IncidentWiring wiring;
    private final Supplier<PagingConfig> livePaging;
    private final IncidentMetrics metrics;
    private final IntentCodec intents = new IntentCodec();
    private final IncidentCommandCodec commands = new IncidentCommandCodec();

    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private Cancellable punctuator;
    /** The paging config of the current step and what it derives; replaced when a reload brings a new one. */
    private PagingConfig paging;
    private PageNotifications pages;

    /**
     * @param livePaging the paging config as it is now: read before every page, command and tick, so a reloaded
     *                   router config (new users, schedules, policies) applies to open incidents from their next step
     */
    public IncidentProcessor(IncidentWiring wiring, Supplier<PagingConfig> livePaging, IncidentMetrics metrics) {
        this.wiring = wiring;
        this.livePaging = livePaging;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        punctuator = context.schedule(wiring.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> tickDue());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        followConfig();
        boolean command = context.recordMetadata().map(RecordMetadata::topic)
                .filter(wiring.commandsTopic()::equals).isPresent();
        if (command) {
            onCommand(record);
        } else {
            onIntent(record);
        }
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
    }

    /** A notification of the group processor, keyed by one SLO it pages for: only that SLO's pages concern us. */
    private void onIntent(Record<byte[], byte[]> record) {
        String forSlo = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Decoded<Notification> decoded = intents.decode(forSlo, record.value());
        if (!(decoded instanceof Decoded.Ok<Notification> ok)) {
            return; // the group processor wrote it; the delivery service reports what it cannot read
        }
        Notification notification = ok.value();
        Optional<String> policy = paging.options().policyFor(notification.receiver());
        if (policy.isEmpty()) {
            return;
        }
        for (Alert alert : notification.alerts()) {
            String slo = alert.labels().get(AlertLabels.SLO);
            if (slo == null || !slo.equals(forSlo) || !PAGE.equals(alert.labels().get(AlertLabels.SEVERITY))) {
                continue;
            }
            if (alert.status() == AlertState.FIRING) {
                trigger(notification.receiver(), policy.get(), slo, alert);
            } else {
                resolveEpisode(slo, alert);
            }
        }
    }

    private void trigger(String receiver, String policyName, String slo, Alert alert) {
        Optional<Episode> episode = episode(slo, alert);
        if (episode.isPresent() && (store.get(OPEN + episode.get().incident()) != null
                || episode.get().startsAt().equals(alert.startsAt()))) {
            return; // already paging for it, or a person resolved this very episode
        }
        AlertResponse response;
        try {
            response = TierDefaults.forTier(tier(alert), Optional.of(policyName));
        } catch (IllegalArgumentException e) {
            LOG.warn("not paging for SLO {}: {}", slo, e.getMessage());
            return;
        }
        if (!(response instanceof AlertResponse.Page page)) {
            return;
        }
        Optional<EscalationProcess> process = paging.process(policyName);
        if (process.isEmpty()) {
            LOG.warn("not paging for SLO {}: escalation policy {} is not configured", slo, policyName);
            return;
        }
        Instant now = now();
        String id = newId(slo, now);
        Step step = process.get().trigger(id, page.mode(), now);
        Incident incident = new Incident(id, slo, PAGE, alert.labels().getOrDefault(AlertLabels.SERVICE, slo),
                Optional.ofNullable(alert.labels().get("team")),
                alert.annotations().getOrDefault(AlertLabels.SUMMARY, "SLO " + slo + " burns its error budget too fast"),
                alert.labels(), receiver, step.state(), 1, List.of(), List.of());
        store.put(episodeKey(slo, alert), (id + "\n" + alert.startsAt()).getBytes(StandardCharsets.UTF_8));
        metrics.opened();
        apply(incident, step);
    }

    private void resolveEpisode(String slo, Alert alert) {
        episode(slo, alert).filter(episode -> store.get(OPEN + episode.incident()) != null)
                .flatMap(episode -> load(episode.incident()))
                .ifPresent(incident -> paging.process(incident.policy()).ifPresent(process ->
                        apply(incident, process.resolve(incident.escalation(), Optional.empty(), now()))));
    }

    private void onCommand(Record<byte[], byte[]> record) {
        Decoded<IncidentCommand> decoded = commands.decode(record.value());
        if (decoded instanceof Decoded.Invalid<IncidentCommand> invalid) {
            deadLetter(record, invalid.reason());
            return;
        }
        IncidentCommand command = ((Decoded.Ok<IncidentCommand>) decoded).value();
        Optional<Incident> found = load(command.incident());
        if (found.isEmpty()) {
            deadLetter(record, "no incident " + command.incident() + " (on this partition: is the key its SLO?)");
            return;
        }
        Incident incident = found.get();
        Optional<EscalationProcess> process = paging.process(incident.policy());
        if (process.isEmpty()) {
            deadLetter(record, "incident " + incident.id() + " escalates under policy " + incident.policy()
                    + ", which is no longer configured");
            return;
        }
        Step step = command.action() == IncidentCommand.Action.ACKNOWLEDGE
                ? process.get().acknowledge(incident.escalation(), command.by(), command.token(), command.at())
                : process.get().resolve(incident.escalation(), Optional.of(command.by()), command.token(), command.at());
        if (step.effects().isEmpty()) {
            LOG.info("incident {}: {}", incident.id(), step.message());
            return; // idempotent: a second acknowledgement changes nothing
        }
        Incident next = command.comment()
                .map(text -> incident.after(step).with(new TimelineEntry.Comment(incident.id(), command.at(), command.by(), text)))
                .orElse(incident.after(step));
        step.timeline().stream().filter(TimelineEntry.Acknowledged.class::isInstance)
                .forEach(ack -> metrics.acknowledged(incident, (TimelineEntry.Acknowledged) ack));
        write(next, step);
    }

    private void tickDue() {
        followConfig();
        Instant now = now();
        forgetResolvedBefore(now.minus(RETENTION));
        List<String> open = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(OPEN, new StringSerializer())) {
            entries.forEachRemaining(entry -> open.add(entry.key.substring(OPEN.length())));
        }
        for (String id : open) {
            load(id).filter(incident -> incident.escalation().nextDue().filter(due -> !due.isAfter(now)).isPresent())
                    .ifPresent(incident -> paging.process(incident.policy()).ifPresentOrElse(
                            process -> apply(incident, process.tick(incident.escalation(), now)),
                            () -> LOG.warn("incident {} cannot escalate: policy {} is no longer configured",
                                    incident.id(), incident.policy())));
        }
    }

    private void followConfig() {
        PagingConfig current = livePaging.get();
        if (current != paging) {
            paging = current;
            pages = new PageNotifications(current.options(), wiring.externalUrl());
        }
    }

    private void apply(Incident incident, Step step) {
        write(incident.after(step), step);
    }

    /** Stores the incident, publishes it, and sends the step's notifications. */
    private void write(Incident incident, Step step) {
        byte[] json = IncidentJson.write(incident);
        store.put(INCIDENT + incident.id(), json);
        if (incident.open()) {
            store.put(OPEN + incident.id(), new byte[0]);
        } else if (store.get(OPEN + incident.id()) != null) {
            store.delete(OPEN + incident.id());
            store.put(resolvedKey(incident.resolution().orElseThrow().at(), incident.id()), new byte[0]);
        }
        long timestamp = context.currentSystemTimeMs();
        context.forward(new Record<>(bytes(incident.id()), json, timestamp), wiring.incidentsSink());
        step.timeline().stream().filter(TimelineEntry.Notified.class::isInstance)
                .forEach(page -> metrics.paged((TimelineEntry.Notified) page));
        for (Notify notify : step.notifications()) {
            Optional<Notification> intent = pages.of(incident, notify);
            if (intent.isEmpty()) {
                LOG.warn("incident {}: no receiver delivers {}'s {} contact (see paging.contacts)", incident.id(),
                        notify.user(), notify.contact().type().wireName());
                continue;
            }
            context.forward(new Record<>(bytes(intent.get().idempotencyKey()), intents.encode(intent.get()), timestamp),
                    wiring.notificationsSink());
        }
        LOG.info("incident {}: {}", incident.id(), step.message());
    }

    private void forgetResolvedBefore(Instant cutoff) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.range(RESOLVED, resolvedKey(cutoff, ""))) {
            entries.forEachRemaining(entry -> old.add(entry.key));
        }
        for (String key : old) {
            store.delete(INCIDENT + key.substring(key.lastIndexOf('/') + 1));
            store.delete(key);
        }
    }

    private static String resolvedKey(Instant at, String id) {
        return RESOLVED + String.format("%019d", Math.max(0, at.toEpochMilli())) + "/" + id;
    }

    private Optional<Incident> load(String id) {
        byte[] json = store.get(INCIDENT + id);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(IncidentJson.read(json));
        } catch (IllegalArgumentException e) {
            LOG.error("incident {} in the store cannot be read, so it no longer escalates: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Episode> episode(String slo, Alert alert) {
        String key = episodeKey(slo, alert);
        byte[] value = store.get(key);
        if (value == null) {
            // written by a router that kept one episode per SLO: it is this alert's, the SLO having had only one
            String legacy = EPISODE + slo + "/" + PAGE;
            value = store.get(legacy);
            if (value == null) {
                return Optional.empty();
            }
            store.put(key, value);
            store.delete(legacy);
        }
        String[] parts = new String(value, StandardCharsets.UTF_8).split("\n", 2);
        return Optional.of(new Episode(parts[0], Instant.parse(parts[1])));
    }

    private static String episodeKey(String slo, Alert alert) {
        return EPISODE + slo + "/" + PAGE + "/" + alert.fingerprint();
    }

    private String newId(String slo, Instant now) {
        String base = slo + "-" + ID_TIME.format(now);
        String id = base;
        for (int n = 2; store.get(INCIDENT + id) != null; n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static int tier(Alert alert) {
        String tier = alert.labels().get(AlertLabels.TIER);
        try {
            return tier == null ? 1 : Integer.parseInt(tier.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("its tier label \"" + tier + "\" is not 1 to 4");
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason) {
        context.forward(DeadLetterRecord.of(record, wiring.commandsTopic(), reason), wiring.deadLetterSink());
        LOG.warn("incident command refused: {}", reason);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Episode(String incident, Instant startsAt) {
    }
}
