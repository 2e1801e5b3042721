package dev.slopipeline.router.app;

import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the API: named bearer tokens with a scope. Writes always need a write token, so a router started
 * without one refuses every write rather than accepting anonymous silences. Reads of personal and operational detail
 * need a token (of either scope) as soon as the router has any token, or when {@code requireTokenForReads}; only a
 * router with no token at all and reads not required serves them to anyone (a local setup, warned of at start).
 */
public record ApiAccess(List<ApiToken> tokens, boolean requireTokenForReads) {

    public static final ApiAccess NONE = new ApiAccess(List.of(), false);

    private static final String BEARER = "Bearer ";

    public ApiAccess {
        tokens = List.copyOf(tokens);
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (ApiToken token : tokens) {
            if (!names.add(token.name())) {
                throw new IllegalArgumentException("two API tokens are named \"" + token.name() + "\"");
            }
            if (!secrets.add(token.secret())) {
                // the audit trail could not tell who used it
                throw new IllegalArgumentException("API tokens \"" + token.name() + "\" and another have the same value");
            }
        }
    }

    /** A token named after its scope ({@value ApiToken#WRITE_TOKEN}, {@value ApiToken#READ_TOKEN}). */
    public ApiAccess withToken(String token, ApiScope scope) {
        return withToken(scope == ApiScope.WRITE ? ApiToken.WRITE_TOKEN : ApiToken.READ_TOKEN, token, scope);
    }

    public ApiAccess withToken(String name, String token, ApiScope scope) {
        List<ApiToken> more = new ArrayList<>(tokens);
        more.add(new ApiToken(name, Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(token, "token")));
        return new ApiAccess(more, requireTokenForReads);
    }

    public ApiAccess withTokens(List<ApiToken> more) {
        List<ApiToken> all = new ArrayList<>(tokens);
        all.addAll(more);
        return new ApiAccess(all, requireTokenForReads);
    }

    public ApiAccess withTokenRequiredForReads(boolean required) {
        return new ApiAccess(tokens, required);
    }

    /** Whether anyone who reaches the port reads on-call, incidents, silences and delivery errors. */
    public boolean readsOpen() {
        return tokens.isEmpty() && !requireTokenForReads;
    }

    /** What the request's {@code Authorization} header allows: the token that may do what {@code needed} allows, or the refusal. */
    Verdict check(Request request, ApiScope needed) {
        return check(request.header("Authorization").orElse(null), needed);
    }

    /** Empty when a request with this {@code Authorization} header may do what {@code needed} allows. */
    Optional<Reply> refusal(String authorization, ApiScope needed) {
        return check(authorization, needed) instanceof Verdict.Refused refused ? Optional.of(refused.reply())
                : Optional.empty();
    }

    Verdict check(String authorization, ApiScope needed) {
        if (needed == ApiScope.READ && readsOpen()) {
            return new Verdict.Allowed(Optional.empty());
        }
        if (tokens.stream().noneMatch(token -> token.scope().allows(needed))) {
            return new Verdict.Refused(Reply.error(403, "this router has no API token of scope " + scope(needed)
                    + " configured, so it refuses " + (needed == ApiScope.WRITE ? "writes" : "reads")
                    + "; start it with one (router.api.token, or router.api.read.token for reads) and send it as \"Authorization: Bearer <token>\""));
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return new Verdict.Refused(Reply.error(401, "this needs a token of scope " + scope(needed)
                    + ": send \"Authorization: Bearer <token>\"").withHeader("WWW-Authenticate", "Bearer"));
        }
        Optional<ApiToken> granted = tokenOf(authorization.substring(BEARER.length()).trim());
        if (granted.isEmpty()) {
            return new Verdict.Refused(Reply.error(401, "unknown API token").withHeader("WWW-Authenticate",
                    "Bearer error=\"invalid_token\""));
        }
        if (!granted.get().scope().allows(needed)) {
            return new Verdict.Refused(Reply.error(403, "this token has scope " + scope(granted.get().scope())
                    + "; this needs " + scope(needed)));
        }
        return new Verdict.Allowed(granted);
    }

    /** Compares every token in constant time, so response times do not reveal how much of a guess was right. */
    private Optional<ApiToken> tokenOf(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        ApiToken found = null;
        for (ApiToken token : tokens) {
            if (MessageDigest.isEqual(given, token.secret().getBytes(StandardCharsets.UTF_8))) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String scope(ApiScope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        // Never the tokens themselves: this record ends up in logs.
        return "ApiAccess[tokens " + tokens.stream().map(ApiToken::name).toList() + ", reads "
                + (readsOpen() ? "open to anyone" : "need a token") + "]";
    }

    /** What a request may do. */
    sealed interface Verdict {

        /** @param token empty for a read on a router whose reads are open */
        record Allowed(Optional<ApiToken> token) implements Verdict {
        }

        record Refused(Reply reply) implements Verdict {
        }
    }
}
