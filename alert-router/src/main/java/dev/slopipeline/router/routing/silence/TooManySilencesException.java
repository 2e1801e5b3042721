package dev.slopipeline.router.routing.silence;

/** A valid silence refused because as many silences as {@link SilenceLimits#maxSilences()} allows mute already. */
public final class TooManySilencesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    TooManySilencesException(int live, int max) {
        super("there are " + live + " active or pending silences, the most this router allows (router.silences.max is "
                + max + "); expire one that is no longer needed, or wait for one to end");
    }
}
