package dev.slopipeline.bench.kafka;

import dev.slopipeline.bench.report.StackSampler;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time spent so far by the whole process and by each pool of its Java threads (names with numbers and
 * ids taken out), and the collectors' pause time. Set against the wall clock it tells a run limited by
 * CPU from one that waits (on commits, on the broker, on the machine's other load), and where the CPU went:
 * what the threads do not account for is the JVM's own (garbage collection, the JIT) and native threads
 * (RocksDB's flushes and compactions). The bytes the stream threads allocated drive the collector's share.
 */
public record CpuTimes(long processNanos, Map<String, Long> poolNanos, long gcMillis, long streamThreadAllocatedBytes) {

    /** Kafka Streams names its processing threads {@code <client id>-StreamThread-<n>}; their clients add suffixes. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*-StreamThread-N");

    public static CpuTimes now() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, Long> pools = new HashMap<>();
        long allocated = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                String pool = StackSampler.poolName(info.getThreadName());
                pools.merge(pool, cpu, Long::sum);
                if (STREAM_THREAD.matcher(pool).matches()) {
                    allocated += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
                }
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        return new CpuTimes(process, pools, gc, allocated);
    }

    /** The CPU spent since {@code earlier}, pools by most CPU first; threads that ended in between are not counted. */
    public CpuTimes since(CpuTimes earlier) {
        Map<String, Long> spent = new HashMap<>();
        poolNanos.forEach((pool, nanos) -> spent.put(pool, nanos - earlier.poolNanos.getOrDefault(pool, 0L)));
        Map<String, Long> sorted = new LinkedHashMap<>();
        spent.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new CpuTimes(processNanos - earlier.processNanos, sorted, gcMillis - earlier.gcMillis,
                streamThreadAllocatedBytes - earlier.streamThreadAllocatedBytes);
    }

    /** CPU of the stream threads. */
    public long streamThreadNanos() {
        return poolNanos.entrySet().stream().filter(e -> STREAM_THREAD.matcher(e.getKey()).matches())
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** CPU of the process that no Java thread accounts for. */
    public long outsideThreadsNanos() {
        return processNanos - poolNanos.values().stream().mapToLong(Long::longValue).sum();
    }
}
