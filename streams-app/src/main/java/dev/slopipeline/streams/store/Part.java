package dev.slopipeline.streams.store;

/**
 * One stored part of an SLO's state, as a prefix scan returns it.
 *
 * @param name the key without the SLO's prefix
 */
public record Part(byte[] name, byte[] value) {
}
