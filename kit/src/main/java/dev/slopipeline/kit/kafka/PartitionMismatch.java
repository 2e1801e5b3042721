package dev.slopipeline.kit.kafka;

/**
 * A topic keyed like {@code source} whose partition count differs from the source's: records of one key then land in
 * partitions of different numbers, and no single task reads both.
 */
record PartitionMismatch(String topic, int partitions, String source, int sourcePartitions) {

    /** For a topic that existed before this start: it is left as it is. */
    String warning() {
        return "Topic " + topic + " has " + partitions + " partition(s), but " + source + ", which is keyed alike, has "
                + sourcePartitions + ": records of one key may reach different tasks. Give both the same count.";
    }

    /** For a topic created at this start, by this client or by another one at the same moment. */
    String failure() {
        return "Topic " + topic + " was just created with " + partitions + " partition(s), but it must have as many as "
                + source + ", which has " + sourcePartitions + ": they are keyed alike and one task must read both. "
                + "Another client created one of them at the same moment with another count; recreate " + topic
                + " with " + sourcePartitions + " partition(s) before starting again.";
    }
}
