package dev.slopipeline.streams.store;

/**
 * Receives the parts of one SLO's state that changed: small keyed values that a state store keeps
 * under the SLO's prefix. Writing parts instead of whole objects keeps each record's store writes
 * (and, after the record cache merges them, each commit's changelog) proportional to what changed.
 */
public interface PartSink {

    void put(byte[] part, byte[] value);

    /** The part is empty now; a store drops it rather than keeping zeros. */
    void delete(byte[] part);
}
