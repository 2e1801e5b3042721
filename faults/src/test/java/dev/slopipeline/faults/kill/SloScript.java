package dev.slopipeline.faults.kill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** For tests that run {@code bin/slo} as users do: the script of this checkout, and a folder for what they start. */
final class SloScript {

    private SloScript() {
    }

    /** {@code bin/slo}, seen from the faults module the tests run in. */
    static Path path() {
        Path slo = Path.of("").toAbsolutePath().getParent().resolve("bin").resolve("slo");
        assertThat(slo).as("the slo command line, from the faults module").isExecutable();
        return slo;
    }

    /** {@code target/<name>} of the faults module, emptied: what a run leaves there stays for a look after it. */
    static Path freshFolder(String name) throws IOException {
        Path folder = Path.of("").toAbsolutePath().resolve("target").resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(folder);
    }
}
