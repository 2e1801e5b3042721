package dev.slopipeline.definitions.publish;

import dev.slopipeline.kit.yaml.Problems;
import dev.slopipeline.kit.yaml.SourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The definition files behind the paths a user gave, with the names the loader gives them
 * ({@code slos/shop/checkout.yaml}), so that the {@code # from} comment of a record and a lint
 * message point at the same place. Runs after the loader accepted the paths, so a path that went
 * missing since is an I/O error, not a user mistake to explain.
 */
final class SourceTexts {

    record SourceText(String displayName, String text) {
    }

    private SourceTexts() {
    }

    static List<SourceText> read(List<Path> paths) {
        return SourceFiles.expand(paths, new Problems()).stream()
                .map(file -> new SourceText(file.displayName(), readString(file.path())))
                .toList();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
