package dev.slopipeline.kit.result;

import java.util.Objects;

/**
 * The outcome of decoding one record: a value, or the reason it was refused.
 *
 * <p>A result instead of an exception because bad input is expected traffic on the hot path: the
 * caller routes it to the dead-letter topic with {@link Invalid#reason()} in a header and goes on.
 *
 * @param <T> the decoded type
 */
public sealed interface Decoded<T> permits Decoded.Ok, Decoded.Invalid {

    /** A record that passed every check. */
    record Ok<T>(T value) implements Decoded<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A refused record; {@code reason} is one line meant for the people who own the emitter. */
    record Invalid<T>(String reason) implements Decoded<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
