package dev.slopipeline.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The demo's files inside the jar ({@code demo/...}): read as text, or copied out as a folder. */
final class BundledFiles {

    private BundledFiles() {
    }

    static String text(String resource) {
        URL url = url(resource);
        try (var in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the slo jar", e);
        }
    }

    /** Copies the files of a bundled folder (not its subfolders) into {@code target}. */
    static Path copyFolder(String resource, Path target) {
        URI uri;
        try {
            uri = url(resource).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource address for " + resource, e);
        }
        try {
            Files.createDirectories(target);
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyFiles(jar.provider().getPath(uri), target);
                }
            } else {
                copyFiles(Path.of(uri), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + resource + " to " + target, e);
        }
    }

    private static void copyFiles(Path folder, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static URL url(String resource) {
        URL url = BundledFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the slo jar; rebuild it (mvn -pl deploy -am package)");
        }
        return url;
    }
}
