package dev.slopipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One running {@code slo run} per component and data folder: two streams apps on one state folder would fight over
 * its stores. The lock file names the process that holds it, so the refusal can say which one to stop.
 */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws IllegalStateException naming the process that holds the lock */
    static RunLock acquire(Path dataDir, String component) {
        Path file;
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            file = dataDir.resolve(component + ".lock");
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a lock file in " + dataDir, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new IllegalStateException("slo-pipeline is already running the " + component + " with the data in "
                    + dataDir.toAbsolutePath() + holder + "; stop it first (Ctrl-C), or give this one another --data-dir");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return new RunLock(channel);
    }

    @Override
    public void close() {
        close(channel);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (" + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing drops the OS lock as well; nothing more to do
        }
    }
}
