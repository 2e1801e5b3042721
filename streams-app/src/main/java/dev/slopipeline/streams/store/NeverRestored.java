package dev.slopipeline.streams.store;

/**
 * A state store from which no state is ever rebuilt: what lives in memory outlives everything written to it. Replay's
 * window store is one: a replay's definitions never change and no task moves or restarts, so every series stays in
 * memory from its first input to the end, and the stored copy of its windows would never be read. State that is kept
 * in such a store only so that it can be rebuilt may skip writing it there.
 */
public interface NeverRestored {
}
