package dev.slopipeline.router.oncall.incident;

import dev.slopipeline.definitions.alert.AlertLabels;
import dev.slopipeline.definitions.alert.AlertState;
import dev.slopipeline.router.notification.Alert;
import dev.slopipeline.router.notification.Notification;
import dev.slopipeline.router.notification.SloFacts;
import dev.slopipeline.router.oncall.escalation.Notify;
import dev.slopipeline.router.oncall.escalation.NotifyReason;
import dev.slopipeline.router.oncall.escalation.PagingOptions;
import dev.slopipeline.router.secret.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Notify} of the escalation into a notification intent for the delivery service.
 *
 * <p>A person's contact method of type T is delivered by the receiver {@code paging.contacts.T} names. The intent is
 * one alert group of its own per incident, person and contact (so that a page to alice never supersedes one to bob),
 * carrying the incident's labels plus {@value #USER_LABEL} and {@value #INCIDENT_LABEL}, and annotations
 * {@value #ADDRESS_ANNOTATION} (the contact's address: the Slack handle, e-mail address, routing key or URL),
 * {@value #REASON_ANNOTATION} (triggered, escalated, reminder, retriggered, resolved), {@value #LEVEL_ANNOTATION},
 * and, when signed links are configured, {@value #ACK_URL_ANNOTATION}, also the intent's {@code ackURL}, which Slack
 * and PagerDuty show as a link. The all-clear is the group resolved.
 */
final class PageNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(PageNotifications.class);

    static final String USER_LABEL = "oncall_user";
    static final String INCIDENT_LABEL = "incident";
    static final String ADDRESS_ANNOTATION = "oncall_address";
    static final String REASON_ANNOTATION = "oncall_reason";
    static final String LEVEL_ANNOTATION = "oncall_level";
    static final String ACK_URL_ANNOTATION = "ack_url";
    static final String INCIDENT_URL_ANNOTATION = "incident_url";

    private final PagingOptions options;
    private final URI externalUrl;
    private final Optional<AckLinkSigner> signer;

    PageNotifications(PagingOptions options, URI externalUrl) {
        this.options = options;
        this.externalUrl = externalUrl;
        this.signer = options.ackLinks().map(links -> new AckLinkSigner(links.secret()));
    }

    /** The intent, or empty when no receiver delivers the contact's type. */
    Optional<Notification> of(Incident incident, Notify notify) {
        return options.receiverFor(notify.contact().type()).map(receiver -> {
            boolean resolved = notify.reason() == NotifyReason.RESOLVED;
            Map<String, String> labels = new LinkedHashMap<>(incident.labels());
            labels.put(USER_LABEL, notify.user());
            labels.put(INCIDENT_LABEL, incident.id());
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(AlertLabels.SUMMARY, incident.summary());
            annotations.put(ADDRESS_ANNOTATION, notify.contact().address());
            annotations.put(REASON_ANNOTATION, notify.reason().wireName());
            annotations.put(LEVEL_ANNOTATION, Integer.toString(notify.level()));
            annotations.put(INCIDENT_URL_ANNOTATION, link("api/v1/incidents/" + incident.id()).toString());
            Optional<URI> ackUrl = resolved ? Optional.empty() : ackUrl(incident.id(), notify.user(), notify.at());
            ackUrl.ifPresent(url -> annotations.put(ACK_URL_ANNOTATION, url.toString()));
            String type = notify.contact().type().wireName();
            Alert alert = new Alert(resolved ? AlertState.RESOLVED : AlertState.FIRING, labels, annotations,
                    incident.triggeredAt(), resolved ? notify.at() : null, null, incident.id() + "/" + notify.user());
            String groupKey = "incident:" + incident.id() + ":" + notify.user() + ":" + type;
            String key = groupKey + ":" + notify.reason().wireName() + ":" + notify.at().toEpochMilli();
            return new Notification(key, receiver, groupKey, java.util.List.of(alert),
                    Map.of(INCIDENT_LABEL, incident.id(), USER_LABEL, notify.user()), labels, annotations, externalUrl,
                    ackUrl.orElse(null), null);
        });
    }

    /**
     * The signed link for the person, valid from the page for the configured time. Without a usable key (its file
     * gone, say) the page still goes out, without the link: reaching the person matters more than the shortcut.
     */
    Optional<URI> ackUrl(String incident, String user, Instant pagedAt) {
        if (signer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(link("ack/" + signer.get().sign(incident, user,
                    pagedAt.plus(options.ackLinks().orElseThrow().validFor()))));
        } catch (Secret.SecretUnavailableException e) {
            LOG.warn("incident {}: paging {} without an acknowledge link: {}", incident, user, e.getMessage());
            return Optional.empty();
        }
    }

    private URI link(String path) {
        String base = externalUrl.toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }
}
