package dev.slopipeline.bench.kafka;

import dev.slopipeline.bench.report.StackSampler;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time spent so far by the whole process, by each pool of its Java threads (names with numbers and
 * ids taken out), by the JVM's collector and compiler threads and RocksDB's, and the collectors' pause time.
 * Set against the wall clock it tells a run limited by CPU from one that waits (on commits, on the broker,
 * on the machine's other load), and where the CPU went. The bytes the stream threads allocated drive the
 * collector's share.
 */
public record CpuTimes(long processNanos, Map<String, Long> poolNanos, long gcMillis, long streamThreadAllocatedBytes) {

    /** Kafka Streams names its processing threads {@code <client id>-StreamThread-<n>}; their clients add suffixes. */
    private static final Pattern STREAM_THREAD = Pattern.compile(".*StreamThread-N");

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
        nativePools().forEach((pool, nanos) -> pools.merge(pool, nanos, Long::sum));
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        return new CpuTimes(process, pools, gc, allocated);
    }

    /**
     * The JVM's own threads and RocksDB's, which the thread bean does not list, from Linux's per-thread
     * accounting ({@code /proc/self/task}, in clock ticks of 10 ms); empty elsewhere.
     */
    private static Map<String, Long> nativePools() {
        Map<String, Long> pools = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return pools;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String pool = NATIVE_POOLS.entrySet().stream().filter(e -> e.getValue().matcher(name).lookingAt())
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                    if (pool != null) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime and stime, fields 14 and 15 of the line, 12 and 13 after the name
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        pools.merge(pool, ticks * 10_000_000L, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            return pools;
        }
        return pools;
    }

    /** The pool of the JVM's JIT compiler threads. */
    public static final String JIT_COMPILERS = "JVM: JIT compilers";

    private static final Map<String, Pattern> NATIVE_POOLS = Map.of(
            "JVM: garbage collection", Pattern.compile("GC Thread|G1 "),
            JIT_COMPILERS, Pattern.compile("C[12] Compiler"),
            "RocksDB's threads", Pattern.compile("rocksdb"));

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

    /** CPU of the process that no pool above accounts for. */
    public long outsideThreadsNanos() {
        return processNanos - poolNanos.values().stream().mapToLong(Long::longValue).sum();
    }
}
