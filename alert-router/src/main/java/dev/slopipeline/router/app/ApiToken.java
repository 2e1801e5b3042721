package dev.slopipeline.router.app;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One bearer token the API accepts: its name (what the audit trail records of whoever used it), its scope, and the
 * secret itself, which is never printed.
 *
 * @param name   {@value #WRITE_TOKEN} and {@value #READ_TOKEN} for {@code router.api.token} and
 *               {@code router.api.read.token}; a word of one's own for a line of {@code router.api.tokens.file}
 * @param secret what a caller sends as {@code Authorization: Bearer <secret>}
 */
public record ApiToken(String name, ApiScope scope, String secret) {

    /** The name of {@code router.api.token}'s token. */
    public static final String WRITE_TOKEN = "write token";
    /** The name of {@code router.api.read.token}'s token. */
    public static final String READ_TOKEN = "read token";

    /** Names in a tokens file: one word, so that a line splits into name, scope and secret at its spaces. */
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secret, "secret");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an API token needs a name");
        }
        if (secret.isBlank()) {
            throw new IllegalArgumentException("an API token must not be blank");
        }
    }

    @Override
    public String toString() {
        // Never the secret: tokens end up in logs with the config they belong to.
        return "ApiToken[" + name + ", " + scope + "]";
    }
}
