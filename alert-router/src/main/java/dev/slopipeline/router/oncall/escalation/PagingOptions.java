package dev.slopipeline.router.oncall.escalation;

import dev.slopipeline.router.oncall.schedule.ContactType;
import dev.slopipeline.router.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How pages become incidents and reach people: the {@code paging} section of the router configuration.
 * <pre>{@code
 * paging:
 *   receivers:                   # a page that reaches one of these receivers opens an incident under the policy
 *     payments-pager: payments
 *   contacts:                    # the receiver that delivers each kind of contact method
 *     email: oncall-email
 *     slack: oncall-slack
 *     pagerduty: oncall-pagerduty
 *     webhook: oncall-webhook
 *   ack_links:                   # signed acknowledge links in every page (needs the router's external URL)
 *     secret_env: SLO_ACK_LINK_SECRET      # or secret_file: path (relative to this file); at least 32 bytes
 *     valid_for: 12h                       # the default; at most 7d
 * }</pre>
 *
 * @param policyByReceiver  which receivers page through which escalation policy
 * @param receiverByContact which receiver delivers a person's contact method of each type; a type without one is
 *                          not notified (configuration validation warns)
 * @param ackLinks          signed acknowledge links; empty: none
 */
public record PagingOptions(Map<String, String> policyByReceiver, Map<ContactType, String> receiverByContact,
                            Optional<AckLinks> ackLinks) {

    public static final PagingOptions NONE = new PagingOptions(Map.of(), Map.of(), Optional.empty());

    public PagingOptions {
        policyByReceiver = Collections.unmodifiableMap(new LinkedHashMap<>(policyByReceiver));
        receiverByContact = receiverByContact.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(receiverByContact));
        Objects.requireNonNull(ackLinks, "ackLinks");
    }

    public Optional<String> policyFor(String receiver) {
        return Optional.ofNullable(policyByReceiver.get(receiver));
    }

    public Optional<String> receiverFor(ContactType type) {
        return Optional.ofNullable(receiverByContact.get(type));
    }

    /**
     * @param secret   the HMAC key, read at each use (rotation needs no restart); never logged. Its text is the key as
     *                 written (the demo writes 32 random bytes in base64url), its UTF-8 bytes at least
     *                 {@value #MIN_KEY_BYTES}
     * @param validFor how long a link acknowledges after the page that carried it, at most {@link #MAX_VALID_FOR}
     */
    public record AckLinks(Secret secret, Duration validFor) {

        public static final Duration DEFAULT_VALID_FOR = Duration.ofHours(12);
        /** A link is a password for one incident: one left in a mailbox should not work for weeks. */
        public static final Duration MAX_VALID_FOR = Duration.ofDays(7);
        /** HMAC-SHA256's own strength: a shorter key is easier to guess than the signature is to forge. */
        public static final int MIN_KEY_BYTES = 32;

        public AckLinks {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(validFor, "validFor");
            if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALID_FOR) > 0) {
                throw new IllegalArgumentException("ack links must be valid for a positive time of at most "
                        + MAX_VALID_FOR + ", got " + validFor);
            }
        }

        /** Why {@code key} cannot sign links, measured as the signature uses it; empty when it can. */
        public static Optional<String> keyRefusal(String key) {
            int bytes = key.getBytes(StandardCharsets.UTF_8).length;
            if (bytes >= MIN_KEY_BYTES) {
                return Optional.empty();
            }
            return Optional.of("the acknowledge-link key holds " + bytes + " bytes; it needs at least " + MIN_KEY_BYTES
                    + ", e.g. 32 random bytes in base64: openssl rand -base64 32");
        }
    }
}
