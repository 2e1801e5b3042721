package dev.slopipeline.router.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A state folder of its own for each test driver. The default, {@code /tmp/kafka-streams/<application id>}, is shared
 * by every build on the machine, and two drivers with one application id lock each other's RocksDB stores. The folders
 * are deleted when the test JVM exits, so that builds do not pile them up in the temporary folder.
 */
final class FreshStateDir {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(FreshStateDir::deleteAll, "fresh-state-dir-cleanup"));
    }

    private FreshStateDir() {
    }

    static String create() {
        try {
            Path folder = Files.createTempDirectory("router-topology-test");
            CREATED.add(folder);
            return folder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        for (Path folder : CREATED) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException gone) {
                // best effort at exit: a folder already gone, or one a store still holds, is left as it is
            }
        }
    }
}
