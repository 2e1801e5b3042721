package dev.slopipeline.router.secret;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How a credential is shown wherever a person or a log could read it, as Alertmanager shows its secret fields:
 * {@value #SECRET} for a key, and for a URL only its scheme, host and port, because the path and query of a webhook
 * URL are the credential (a Slack incoming webhook has no other) and user info is a password.
 */
public final class Redacted {

    public static final String SECRET = "<secret>";

    private Redacted() {
    }

    /** {@code https://hooks.slack.com/<secret>} for {@code https://hooks.slack.com/services/T0/B0/XXXX}. */
    public static String url(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            return SECRET;
        }
        StringBuilder shown = new StringBuilder(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() >= 0) {
            shown.append(':').append(url.getPort());
        }
        boolean hidden = url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/");
        return hidden ? shown.append('/').append(SECRET).toString() : shown.toString();
    }

    /** As {@link #url(URI)} for text that may not even parse as a URL, which is then hidden whole. */
    public static String url(String text) {
        try {
            return url(new URI(text));
        } catch (URISyntaxException notAUrl) {
            return SECRET;
        }
    }

    /** {@code text} with every occurrence of {@code secret} replaced by {@value #SECRET}. */
    public static String scrub(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, SECRET);
    }
}
