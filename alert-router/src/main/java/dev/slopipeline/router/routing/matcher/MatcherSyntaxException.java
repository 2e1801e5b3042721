package dev.slopipeline.router.routing.matcher;

/** A matcher that cannot be read, with the character (1-based) where reading stopped. */
public final class MatcherSyntaxException extends IllegalArgumentException {

    private final int position;
    private final String reason;

    MatcherSyntaxException(int position, String reason) {
        super("character " + position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** 1-based, in characters (code points) of the matcher text. */
    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
