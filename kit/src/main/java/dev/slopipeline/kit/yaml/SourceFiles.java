package dev.slopipeline.kit.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the paths a user gave (files and folders) into the definition files to read, in a stable order. */
public final class SourceFiles {

    /** @param displayName the path as given, then the path inside the folder, with {@code /} separators */
    public record SourceFile(String displayName, Path path) {
    }

    private SourceFiles() {
    }

    public static List<SourceFile> expand(List<Path> paths, Problems problems) {
        List<SourceFile> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path given : paths) {
            String display = slashes(given);
            List<SourceFile> found = new ArrayList<>();
            if (!Files.exists(given)) {
                problems.error(start(display), "path does not exist; give a definitions file or a folder of them");
            } else if (Files.isDirectory(given)) {
                found.addAll(folder(given, display, problems));
            } else {
                found.add(new SourceFile(display, given));
            }
            // the same file named twice (a folder and a file in it) would only report duplicate names
            found.stream().filter(file -> seen.add(file.path().toAbsolutePath().normalize())).forEach(files::add);
        }
        return files;
    }

    private static List<SourceFile> folder(Path folder, String display, Problems problems) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<SourceFile> files = walk
                    .filter(Files::isRegularFile)
                    .filter(SourceFiles::isYaml)
                    .map(file -> new SourceFile(display + "/" + slashes(folder.relativize(file)), file))
                    .sorted(Comparator.comparing(SourceFile::displayName))
                    .toList();
            if (files.isEmpty()) {
                problems.error(start(display), "folder has no .yaml or .yml files; definitions files must end in .yaml or .yml");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            problems.error(start(display), "cannot read the folder: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String slashes(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static SourceLocation start(String display) {
        return new SourceLocation(display, 1, 1);
    }
}
