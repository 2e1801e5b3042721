package dev.slopipeline.streams.topology;

/** Topology configurations the tests run with. */
final class Scenarios {

    private Scenarios() {
    }

    /**
     * In-memory stores: the driver commits after every record, and RocksDB then flushes after every
     * record; the persistent stores have tests of their own.
     */
    static TopologyConfig inMemory() {
        return TopologyConfig.defaults().withStores(TopologyConfig.StoreKind.IN_MEMORY);
    }
}
