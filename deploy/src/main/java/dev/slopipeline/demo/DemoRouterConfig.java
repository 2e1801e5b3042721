package dev.slopipeline.demo;

import dev.slopipeline.router.config.RouterConfig;
import dev.slopipeline.router.config.RouterConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The router configuration of the demo ({@code deploy/examples/demo-router.yml} and its on-call file
 * {@code demo-oncall.yml}), aimed at the demo's own sink and written to its data folder, with a random key for the
 * signed acknowledge links beside them.
 */
public final class DemoRouterConfig {

    /** The sink address the file is written for; the demo's sink may listen elsewhere. */
    static final String WRITTEN_FOR = "http://localhost:9099";
    static final String RESOURCE = "demo/demo-router.yml";
    static final String ON_CALL_RESOURCE = "demo/demo-oncall.yml";
    /** The file the bundled on-call config names as {@code paging.ack_links.secret_file}. */
    static final String ACK_LINK_SECRET = "ack-link-secret";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoRouterConfig() {
    }

    /**
     * Writes {@code demo-router.yml}, {@code demo-oncall.yml} and, the first time, {@value #ACK_LINK_SECRET} into
     * {@code folder}, and reads the config back from there.
     */
    public static RouterConfig forSink(URI sink, Path folder) {
        Path file = folder.resolve("demo-router.yml");
        Path onCallFile = folder.resolve("demo-oncall.yml");
        try {
            Files.createDirectories(folder);
            writeSecretOnce(folder.resolve(ACK_LINK_SECRET));
            Files.writeString(file, forSink(RESOURCE, sink), StandardCharsets.UTF_8);
            Files.writeString(onCallFile, forSink(ON_CALL_RESOURCE, sink), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's router config to " + folder, e);
        }
        return RouterConfigLoader.load(file, Optional.of(onCallFile)).orElseThrow();
    }

    private static String forSink(String resource, URI sink) {
        return BundledFiles.text(resource).replace(WRITTEN_FOR, sink.toString());
    }

    /**
     * Anyone who can read the key can acknowledge pages as anyone, so it is readable by its owner only: created so,
     * and tightened if an older demo left it readable by others.
     */
    private static void writeSecretOnce(Path secret) throws IOException {
        boolean posix = secret.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(secret)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            if (posix) {
                Files.createFile(secret, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.writeString(secret, Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n",
                    StandardCharsets.UTF_8);
        }
        if (posix && !Files.getPosixFilePermissions(secret).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(secret, OWNER_ONLY);
        }
    }
}
