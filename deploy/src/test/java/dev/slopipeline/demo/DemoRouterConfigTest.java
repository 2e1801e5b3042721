package dev.slopipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRouterConfigTest {

    @TempDir
    Path folder;

    @BeforeEach
    void posixFileSystem() {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    }

    @Test
    void shouldWriteTheAckLinkKeyReadableByItsOwnerOnly() throws Exception {
        DemoRouterConfig.forSink(URI.create("http://localhost:9099"), folder);

        Path secret = folder.resolve(DemoRouterConfig.ACK_LINK_SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret).strip()).hasSizeGreaterThanOrEqualTo(43); // 32 random bytes, base64
    }

    @Test
    void shouldTightenAKeyAnOlderDemoLeftReadableByOthersAndKeepIt() throws Exception {
        Path secret = folder.resolve(DemoRouterConfig.ACK_LINK_SECRET);
        Files.writeString(secret, "an-older-demo-key-of-forty-three-characters\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        DemoRouterConfig.forSink(URI.create("http://localhost:9099"), folder);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret)).isEqualTo("an-older-demo-key-of-forty-three-characters\n");
    }
}
