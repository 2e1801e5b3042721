package dev.slopipeline.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The UI's files, bundled in the jar under {@code ui/}: read once, then served from memory. Only plain file names
 * ({@code app.js}, not {@code ../x} or {@code a/b}) are looked up, so nothing else on the class path can be read.
 */
final class StaticAssets {

    static final String INDEX = "index.html";

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    /** One bundled file and its media type. */
    record Asset(byte[] body, String contentType) {
    }

    private final String folder;
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    StaticAssets(String folder) {
        this.folder = folder;
    }

    /** The file served at {@code /name}; {@code /} is the index. Empty for anything not bundled. */
    Optional<Asset> find(String path) {
        String name = path.equals("/") ? INDEX : path.substring(1);
        if (!FILE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(name, this::load);
    }

    private Optional<Asset> load(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled UI file " + name, e);
        }
    }
}
