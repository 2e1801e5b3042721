package dev.slopipeline.streams.ingest;

import org.apache.kafka.streams.KeyValue;

/**
 * A refused input record, kept byte for byte so that it can be replayed once the emitter is fixed.
 * Its reason and origin travel in the record headers (see {@link dev.slopipeline.kit.deadletter.DeadLetterHeaders}).
 */
public record DeadLetter(byte[] key, byte[] value) implements Routed {

    /** The original key and value, as written to the dead-letter topic. */
    public static KeyValue<byte[], byte[]> original(String unusedKey, Routed routed) {
        DeadLetter letter = (DeadLetter) routed;
        return KeyValue.pair(letter.key(), letter.value());
    }
}
