package org.gorchestrator.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * This process's hold on the embedded broker's storage, taken before the broker touches it. Kafka locks its log
 * directories only once its controller has already opened, and recovered, the metadata log they hold: a second
 * standalone started on the same data directory (the quick start's command run twice) rewrote that log under the
 * running one, which stopped on a corrupt record. The lock is a file beside the storage ({@code kafka.lock} for
 * {@code kafka}), so Kafka never sees it; the operating system releases it when the process ends, however it ends.
 */
final class StorageLock implements AutoCloseable {
    /** Holds the lock: closing it releases the lock. */
    private final FileChannel channel;

    private StorageLock(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws IllegalStateException when another process, or this one, holds {@code storageDir} */
    static StorageLock take(Path storageDir) {
        Path file = storageDir.resolveSibling(storageDir.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                return new StorageLock(channel);
            }
        } catch (OverlappingFileLockException heldHere) {
            // this JVM holds it already: another embedded broker on the same storage
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("could not lock the embedded broker's storage " + storageDir + " (" + file + ")", e);
        }
        close(channel);
        throw new IllegalStateException("another embedded broker runs on " + storageDir + " (it holds " + file
                + "): stop that Gorchestrator first, or give this one a data directory of its own (--gorch.standalone.data-dir)");
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is written to the file: nothing is lost
        }
    }
}
