package dev.slopipeline.streams.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds what RocksDB holds off the heap for all the app's state stores together: one block cache shared
 * by every store of the process, with the memtables counted against it through a write buffer manager,
 * as Kafka Streams' memory-management guide does it. Without this each store instance (one per store and
 * task) gets a block cache of its own and up to three 16 MiB memtables, so memory grows with tasks, not
 * with the data, and a 2-core node with a few dozen tasks can hold gigabytes of mostly empty memtables.
 *
 * <p>Kafka Streams makes one instance per store from {@link #MEMORY_BYTES_CONFIG} among its configs; the
 * cache and the manager are per process and size, and live as long as the process, since stores open
 * and close with rebalances while the budget stays.
 */
public final class RocksDbMemory implements RocksDBConfigSetter {

    /** The Kafka Streams config that carries the bound, in bytes (set from {@code rocksdb.memory.mb}). */
    public static final String MEMORY_BYTES_CONFIG = "slo.pipeline.rocksdb.memory.bytes";

    /** Memtables may take up to half the budget; the other half is left to index, filter and data blocks. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Index and filter blocks are cached with high priority, so data blocks are evicted first. */
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    private static final int MEMTABLES = 2;

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    }

    private static final Map<Long, Shared> BY_BUDGET = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long budget = Long.parseLong(String.valueOf(configs.get(MEMORY_BYTES_CONFIG)));
        Shared shared = BY_BUDGET.computeIfAbsent(budget, bytes -> {
            LRUCache cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        });
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
        // small memtables: a store's parts are a few bytes each, and many stores share the budget
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the manager are shared by every store of the process: closing one store keeps them
    }
}
