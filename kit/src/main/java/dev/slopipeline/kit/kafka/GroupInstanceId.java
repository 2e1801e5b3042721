package dev.slopipeline.kit.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code group.instance.id} of an app instance that keeps its state in a folder: the host name and a hash of the
 * folder, e.g. {@code build-7-3f9a0c1e}. A restarted instance comes back with the same id and so takes its
 * partitions back at once, instead of waiting for the dead process's session to time out; two instances on one host
 * differ by their folders, which a lock keeps to one process each.
 */
public final class GroupInstanceId {

    /** What Kafka accepts in an id, with room for the {@code -N} Kafka Streams appends per thread. */
    private static final int MAX_HOST_LENGTH = 200;

    private GroupInstanceId() {
    }

    /** The id of the instance on this host whose state lives in {@code stateDir}. */
    public static String forStateDir(Path stateDir) {
        return of(localHostName(), stateDir);
    }

    /** The id of the instance on {@code host} whose state lives in {@code stateDir}. */
    static String of(String host, Path stateDir) {
        String name = host.replaceAll("[^a-zA-Z0-9._-]", "-");
        if (name.length() > MAX_HOST_LENGTH) {
            name = name.substring(0, MAX_HOST_LENGTH);
        }
        return name + "-" + shortHash(stateDir.toAbsolutePath().normalize().toString());
    }

    /**
     * The environment's {@code HOSTNAME} where a container runtime or shell exports it (no lookup), else the name the
     * system gives.
     */
    private static String localHostName() {
        String exported = System.getenv("HOSTNAME");
        if (exported != null && !exported.isBlank()) {
            return exported.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
