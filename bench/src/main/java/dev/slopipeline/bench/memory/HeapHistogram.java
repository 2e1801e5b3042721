package dev.slopipeline.bench.memory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * The classes that hold the most of this JVM's heap, as {@code jcmd <pid> GC.class_histogram} prints them
 * (live objects only: taking it runs a full GC), read through the diagnostic command MBean so a run can put
 * them in its report.
 */
final class HeapHistogram {

    /** One class's line of the histogram. */
    record Entry(String className, long instances, long bytes) {
    }

    private HeapHistogram() {
    }

    /** The {@code top} classes by bytes held. */
    static List<Entry> top(int top) {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("could not take a heap histogram", e);
        }
        List<Entry> entries = new ArrayList<>();
        // lines: " num:  #instances  #bytes  class name (module)"
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":") && entries.size() < top) {
                entries.add(new Entry(fields[3], Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            }
        }
        return entries;
    }
}
