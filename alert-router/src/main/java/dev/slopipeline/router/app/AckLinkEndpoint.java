package dev.slopipeline.router.app;

import dev.slopipeline.router.delivery.Secret;
import dev.slopipeline.router.incident.AckLinkSigner;
import dev.slopipeline.router.incident.IncidentCommand;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code GET /ack/{token}} (and {@code POST}, for buttons and tools that should not follow links): the signed
 * acknowledge link of a page. It needs no bearer token: the token itself, signed
 * with the configured secret, grants acknowledging one incident as the person it was sent to, until it expires. A
 * forged, altered or expired token is 403; a router without {@code paging.ack_links} answers 404.
 */
final class AckLinkEndpoint {

    static final String PATH = "/ack/";

    private final Optional<AckLinkSigner> signer;
    private final IncidentEndpoints incidents;
    private final Clock clock;

    AckLinkEndpoint(Optional<Secret> secret, IncidentEndpoints incidents, Clock clock) {
        this.signer = secret.map(AckLinkSigner::new);
        this.incidents = incidents;
        this.clock = clock;
    }

    Reply acknowledge(ApiRequest request) {
        if (signer.isEmpty()) {
            return Reply.error(404, "acknowledge links are not configured on this router (paging.ack_links)");
        }
        String token = request.path().substring(PATH.length());
        AckLinkSigner.Verdict verdict;
        try {
            verdict = signer.get().verify(token, clock.instant());
        } catch (Secret.SecretUnavailableException e) {
            return Reply.error(503, "the acknowledge link secret is not readable: " + e.getMessage());
        }
        if (verdict instanceof AckLinkSigner.Verdict.Refused refused) {
            return Reply.error(403, "this acknowledge link is refused: " + refused.reason());
        }
        AckLinkSigner.Verdict.Valid valid = (AckLinkSigner.Verdict.Valid) verdict;
        return incidents.act(valid.incident(), IncidentCommand.Action.ACKNOWLEDGE, valid.user(),
                Optional.of("acknowledged through the link in a page"));
    }
}
