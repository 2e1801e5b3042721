package dev.slopipeline.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A Markdown file of run reports, newest last, that the long runs append to. */
public final class ResultsFile {

    private ResultsFile() {
    }

    /** Appends {@code section}, first creating the file with {@code heading} if it does not exist yet. */
    public static void append(Path file, String heading, String section) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, heading);
        }
        Files.writeString(file, section, StandardOpenOption.APPEND);
    }
}
