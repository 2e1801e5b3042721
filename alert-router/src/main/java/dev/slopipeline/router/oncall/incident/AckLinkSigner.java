package dev.slopipeline.router.oncall.incident;

import dev.slopipeline.router.oncall.escalation.PagingOptions;
import dev.slopipeline.router.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed acknowledge links: a token that lets whoever holds it acknowledge one incident, as the person it was sent
 * to, until it expires, without an API token. The token is
 * {@code v1.<incident>.<user>.<expiry epoch seconds>.<signature>} (incident and user base64url), the signature an
 * HMAC-SHA256 under the configured secret over the action, the incident, the user and the expiry, so none of them
 * can be changed. The secret is read at each use and never logged; a key shorter than
 * {@value PagingOptions.AckLinks#MIN_KEY_BYTES} bytes (an environment variable set so, or a file rotated to one) signs
 * and accepts nothing.
 */
public final class AckLinkSigner {

    /** The one action a link grants. */
    public static final String ACTION = "acknowledge";

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Secret secret;

    public AckLinkSigner(Secret secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public String sign(String incident, String user, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return VERSION + "." + encode(incident) + "." + encode(user) + "." + expiry + "."
                + ENCODER.encodeToString(mac(incident, user, expiry));
    }

    /** What the token grants at {@code now}, or why it grants nothing. */
    public Verdict verify(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return new Verdict.Refused("not an acknowledge link token");
        }
        String incident;
        String user;
        long expiry;
        byte[] signature;
        try {
            incident = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            user = new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
            expiry = Long.parseLong(parts[3]);
            signature = DECODER.decode(parts[4]);
        } catch (IllegalArgumentException e) {
            return new Verdict.Refused("not an acknowledge link token");
        }
        // The signature first: an expiry or incident a forger wrote says nothing.
        if (!MessageDigest.isEqual(signature, mac(incident, user, expiry))) {
            return new Verdict.Refused("the link's signature is not valid");
        }
        if (!now.isBefore(Instant.ofEpochSecond(expiry))) {
            return new Verdict.Refused("the link expired at " + Instant.ofEpochSecond(expiry)
                    + "; acknowledge in the API or the UI instead");
        }
        return new Verdict.Valid(incident, user, Instant.ofEpochSecond(expiry));
    }

    private byte[] mac(String incident, String user, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            String signed = ACTION + "\n" + incident + "\n" + user + "\n" + expiry;
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private byte[] key() {
        String key = secret.reveal();
        PagingOptions.AckLinks.keyRefusal(key).ifPresent(refusal -> {
            throw new Secret.SecretUnavailableException(refusal);
        });
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The outcome of checking a token. */
    public sealed interface Verdict {

        record Valid(String incident, String user, Instant expiresAt) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }
}
