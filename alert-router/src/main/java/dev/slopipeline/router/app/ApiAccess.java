package dev.slopipeline.router.app;

import dev.slopipeline.kit.http.Reply;
import dev.slopipeline.kit.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the API: bearer tokens with a scope. Writes always need a write token, so a router started without
 * one refuses every write rather than accepting anonymous silences; reads are open unless
 * {@code requireTokenForReads}.
 */
public record ApiAccess(Map<String, ApiScope> tokens, boolean requireTokenForReads) {

    public static final ApiAccess NONE = new ApiAccess(Map.of(), false);

    private static final String BEARER = "Bearer ";

    public ApiAccess {
        tokens = Map.copyOf(tokens);
        tokens.keySet().forEach(token -> {
            if (token.isBlank()) {
                throw new IllegalArgumentException("an API token must not be blank");
            }
        });
    }

    public ApiAccess withToken(String token, ApiScope scope) {
        Map<String, ApiScope> more = new LinkedHashMap<>(tokens);
        more.put(Objects.requireNonNull(token, "token"), Objects.requireNonNull(scope, "scope"));
        return new ApiAccess(more, requireTokenForReads);
    }

    public ApiAccess withTokenRequiredForReads(boolean required) {
        return new ApiAccess(tokens, required);
    }

    /** Empty when the request's {@code Authorization} header grants what {@code needed} allows. */
    Optional<Reply> refusal(Request request, ApiScope needed) {
        return refusal(request.header("Authorization").orElse(null), needed);
    }

    /** Empty when a request with this {@code Authorization} header may do what {@code needed} allows. */
    Optional<Reply> refusal(String authorization, ApiScope needed) {
        if (needed == ApiScope.READ && !requireTokenForReads) {
            return Optional.empty();
        }
        if (tokens.values().stream().noneMatch(scope -> scope.allows(needed))) {
            return Optional.of(Reply.error(403, "this router has no API token of scope " + scope(needed)
                    + " configured, so it refuses " + (needed == ApiScope.WRITE ? "writes" : "reads")
                    + "; start it with one (router.api.token, or router.api.read.token for reads) and send it as \"Authorization: Bearer <token>\""));
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Optional.of(Reply.error(401, "this needs a token of scope " + scope(needed)
                    + ": send \"Authorization: Bearer <token>\"").withHeader("WWW-Authenticate", "Bearer"));
        }
        Optional<ApiScope> granted = scopeOf(authorization.substring(BEARER.length()).trim());
        if (granted.isEmpty()) {
            return Optional.of(Reply.error(401, "unknown API token").withHeader("WWW-Authenticate",
                    "Bearer error=\"invalid_token\""));
        }
        if (!granted.get().allows(needed)) {
            return Optional.of(Reply.error(403, "this token has scope " + scope(granted.get()) + "; this needs "
                    + scope(needed)));
        }
        return Optional.empty();
    }

    /** Compares every token in constant time, so response times do not reveal how much of a guess was right. */
    private Optional<ApiScope> scopeOf(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        ApiScope found = null;
        for (Map.Entry<String, ApiScope> token : tokens.entrySet()) {
            if (MessageDigest.isEqual(given, token.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = token.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private static String scope(ApiScope scope) {
        return scope.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        // Never the tokens themselves: this record ends up in logs.
        return "ApiAccess[" + tokens.size() + " token(s), requireTokenForReads=" + requireTokenForReads + "]";
    }
}
