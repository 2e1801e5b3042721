package dev.slopipeline.router.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import dev.slopipeline.router.oncall.incident.AckLinkSigner;
import dev.slopipeline.router.oncall.incident.Incident;
import dev.slopipeline.router.oncall.incident.IncidentCommand;
import dev.slopipeline.router.oncall.incident.IncidentView;
import dev.slopipeline.router.secret.Secret;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code /ack/{token}}: the signed acknowledge link of a page. It needs no bearer token: the token itself, signed
 * with the configured secret, grants acknowledging one incident as the person it was sent to, until it expires.
 *
 * <p>{@code GET} changes nothing: it answers a small page asking "Acknowledge incident X as alice?" whose button
 * POSTs to the same URL. Chat unfurlers, mail scanners and link previewers fetch links on their own, and must not
 * acknowledge a page nobody read. {@code POST} acknowledges. A forged, altered or expired token is 403, a router
 * without {@code paging.ack_links} 404; every answer is a readable HTML page, as a person follows the link. The
 * secret is taken from the live config at each request, so a reload that rotates it refuses older links.
 */
final class AckLinkEndpoint {

    static final String PATH = "/ack/";
    /** What the timeline records as the credential of an acknowledgement through a link. */
    static final String CREDENTIAL = "ack link";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Supplier<Optional<Secret>> secret;
    private final IncidentEndpoints incidents;
    private final Supplier<IncidentView> view;
    private final Clock clock;

    AckLinkEndpoint(Supplier<Optional<Secret>> secret, IncidentEndpoints incidents, Supplier<IncidentView> view,
                    Clock clock) {
        this.secret = secret;
        this.incidents = incidents;
        this.view = view;
        this.clock = clock;
    }

    /** {@code GET}: the confirmation page, nothing acknowledged. */
    Reply confirm(Request request) {
        Verified verified = verify(request);
        if (verified.refusal() != null) {
            return verified.refusal();
        }
        AckLinkSigner.Verdict.Valid link = verified.link();
        Optional<Incident> found;
        try {
            found = view.get().find(link.incident());
        } catch (InvalidStateStoreException e) {
            return AckPage.of(503, "Not ready", "The router is still starting; reload this page in a moment.")
                    .withHeader("Retry-After", "1");
        }
        if (found.isEmpty()) {
            return AckPage.of(404, "No such incident", "There is no incident " + link.incident() + ".");
        }
        Incident incident = found.get();
        if (!incident.open()) {
            return AckPage.of(409, "Already resolved", "Incident " + incident.id() + " (" + incident.slo()
                    + ") is resolved; there is nothing to acknowledge.");
        }
        String already = incident.acknowledgement().map(ack -> "It was acknowledged by " + ack.by() + " at "
                + ack.at() + ".").orElse("");
        return AckPage.confirmation(request.path(), incident, link.user(), already);
    }

    /** {@code POST} (the page's button, or a tool): acknowledges as the person the link was sent to. */
    Reply acknowledge(Request request) {
        Verified verified = verify(request);
        if (verified.refusal() != null) {
            return verified.refusal();
        }
        AckLinkSigner.Verdict.Valid link = verified.link();
        Reply reply = incidents.act(link.incident(), IncidentCommand.Action.ACKNOWLEDGE, link.user(),
                Optional.of("acknowledged through the link in a page"), CREDENTIAL);
        JsonNode body = readJson(reply);
        if (reply.status() == 202) {
            return AckPage.of(202, "Acknowledged", "Incident " + link.incident() + " is acknowledged as "
                    + link.user() + ": " + body.path("message").asText() + ".");
        }
        Reply page = AckPage.of(reply.status(), "Not acknowledged", body.path("error").asText("the router refused it"));
        String retryAfter = reply.headers().get("Retry-After");
        return retryAfter == null ? page : page.withHeader("Retry-After", retryAfter);
    }

    private Verified verify(Request request) {
        Optional<Secret> configured = secret.get();
        if (configured.isEmpty()) {
            return Verified.refused(AckPage.of(404, "Not configured",
                    "Acknowledge links are not configured on this router (paging.ack_links)."));
        }
        AckLinkSigner.Verdict verdict;
        try {
            verdict = new AckLinkSigner(configured.get()).verify(request.pathParameter("token"), clock.instant());
        } catch (Secret.SecretUnavailableException e) {
            return Verified.refused(AckPage.of(503, "Not available",
                    "The acknowledge link secret is not readable: " + e.getMessage()));
        }
        if (verdict instanceof AckLinkSigner.Verdict.Refused refused) {
            return Verified.refused(AckPage.of(403, "Link refused", "This acknowledge link is refused: "
                    + refused.reason() + "."));
        }
        return new Verified((AckLinkSigner.Verdict.Valid) verdict, null);
    }

    private static JsonNode readJson(Reply reply) {
        try {
            return MAPPER.readTree(reply.body());
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    /** A valid link, or the page that refuses it. */
    private record Verified(AckLinkSigner.Verdict.Valid link, Reply refusal) {
        static Verified refused(Reply refusal) {
            return new Verified(null, refusal);
        }
    }
}
