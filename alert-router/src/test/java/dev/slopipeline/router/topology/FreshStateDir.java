package dev.slopipeline.router.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A state folder of its own for each test driver. The default, {@code /tmp/kafka-streams/<application id>}, is shared
 * by every build on the machine, and two drivers with one application id lock each other's RocksDB stores.
 */
final class FreshStateDir {

    private FreshStateDir() {
    }

    static String create() {
        try {
            return Files.createTempDirectory("router-topology-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
