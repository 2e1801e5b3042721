package dev.slopipeline.definitions.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

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
        List<SourceText> texts = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path given : paths) {
            for (Path file : filesUnder(given)) {
                if (seen.add(file.toAbsolutePath().normalize())) {
                    String name = Files.isDirectory(given) ? slashes(given) + "/" + slashes(given.relativize(file)) : slashes(given);
                    texts.add(new SourceText(name, readString(file)));
                }
            }
        }
        return texts;
    }

    private static List<Path> filesUnder(Path given) {
        if (!Files.isDirectory(given)) {
            return List.of(given);
        }
        try (Stream<Path> walk = Files.walk(given)) {
            return walk.filter(Files::isRegularFile)
                    .filter(SourceTexts::isYaml)
                    .sorted(Comparator.comparing(file -> slashes(given.relativize(file))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + given, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
