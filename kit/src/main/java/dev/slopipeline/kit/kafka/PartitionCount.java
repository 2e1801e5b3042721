package dev.slopipeline.kit.kafka;

/** How many partitions a wanted topic gets when it is created. */
public sealed interface PartitionCount {

    /** A number the caller chose. */
    record Fixed(int count) implements PartitionCount {
        public Fixed {
            if (count < 1) {
                throw new IllegalArgumentException("a topic needs at least 1 partition, was " + count);
            }
        }
    }

    /**
     * As many as {@code source} has on the broker, whoever created it: for a topic keyed like the source, whose
     * records of one key must reach the same task as the source's.
     */
    record SameAs(String source) implements PartitionCount {
        public SameAs {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("the topic to take the partition count from must be named");
            }
        }
    }
}
