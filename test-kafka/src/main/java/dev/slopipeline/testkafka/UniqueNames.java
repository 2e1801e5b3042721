package dev.slopipeline.testkafka;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names of topics, application ids and consumer groups that no other test uses, in this run or in an earlier run
 * against the same (external) cluster: the given name, this run's random id and a counter.
 */
final class UniqueNames {

    private static final String RUN_ID = Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private UniqueNames() {
    }

    static String of(String name) {
        return name + "-" + RUN_ID + "-" + COUNTER.incrementAndGet();
    }
}
