package dev.slopipeline.kit.lock;

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
import java.util.function.Function;

/**
 * Exclusive claim of a data folder, across threads and processes, by an OS lock on a file in it. The
 * holder writes its process id into the file, so that a refusal can say which process to stop.
 * Closing releases the claim; so does the end of the process, however it ends.
 */
public final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;

    private DataFolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Claims {@code folder} (created if missing) through the file {@code fileName} in it.
     *
     * @param refusal the message when another holds the claim, given who holds it as written in the file,
     *        e.g. {@code " (pid 4711 since 2026-11-23T10:04:00Z)"}, or {@code ""} when that is not known
     * @throws IllegalStateException with the {@code refusal} message when the folder is taken, whether
     *         by this process or another
     * @throws UncheckedIOException when the lock file cannot be created, locked or written
     */
    public static DataFolderLock acquire(Path folder, String fileName, Function<String, String> refusal) {
        Path file;
        FileChannel channel;
        try {
            Files.createDirectories(folder);
            file = folder.resolve(fileName);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a lock file in " + folder, e);
        }
        FileLock lock;
        try {
            // The JVM reports a lock held by this same JVM as OverlappingFileLockException and one held by
            // another process as null: both mean the folder is taken.
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
            throw new IllegalStateException(refusal.apply(holder));
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
        return new DataFolderLock(channel);
    }

    /** Closing the channel releases the lock. */
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
