package dev.slopipeline.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive claim of a data directory by one embedded broker, across threads and processes.
 *
 * <p>When the metadata log shares the log directory, as here, Kafka 4.3's raft manager skips its own lock
 * and Kafka's {@code .lock} is only taken when the broker's log manager starts, after the controller has
 * opened the metadata log. A second broker would thus write to the first one's metadata log before Kafka
 * noticed. This lock is taken before anything touches the directory.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "embedded-broker.lock";

    private final FileChannel channel;

    private DataDirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws IllegalStateException if another broker (in this JVM or another process) holds the directory */
    static DataDirectoryLock acquire(Path directory) {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lock file in " + directory, e);
        }
        FileLock lock;
        try {
            // The JVM reports a lock held by this same JVM as OverlappingFileLockException and one held by
            // another process as null: both mean the directory is taken.
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + directory, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("Cannot start an embedded Kafka broker: another broker is already using "
                    + directory);
        }
        return new DataDirectoryLock(channel);
    }

    /** Closing the channel releases the lock. */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel also drops the OS lock; nothing more can be done if that fails.
        }
    }
}
