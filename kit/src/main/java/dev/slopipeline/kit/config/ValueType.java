package dev.slopipeline.kit.config;

/**
 * How the text of a setting becomes a value, and back; {@link ValueTypes} has the common ones.
 *
 * @param <T> the value's type
 */
public interface ValueType<T> {

    /**
     * @throws IllegalArgumentException whose message says what the value must be, in words that follow the key and
     *                                  its origin: {@code must be a whole number from 0 to 65535}. The reader adds
     *                                  the text given (masked for a secret), so the message must not repeat it.
     */
    T parse(String text);

    /** The text that {@link #parse} reads back into {@code value}. */
    default String format(T value) {
        return String.valueOf(value);
    }
}
