package dev.strata.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the target's
 * directory, is flushed to the disk ({@code fsync}), then renamed over the target, which POSIX
 * {@code rename(2)} replaces atomically. A run that fails, or is killed, while writing leaves the old
 * target exactly as it was (and, when killed with SIGTERM or SIGINT, no temporary file either: the
 * JVM's shutdown removes it); two runs writing one target leave one complete document, the later.
 * A target that is a symbolic link is written through: the file it points to is replaced.
 */
public final class AtomicFile {
    /** Opens the temporary file for writing; tests substitute one that fails part-way. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path temporary) throws IOException;
    }

    /** The real opener: a new file (never an existing one), for writing. */
    public static final Opener CREATE_NEW = temporary ->
            FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private static final Set<Path> PENDING = Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (PENDING) {
                for (Path temporary : PENDING) {
                    try {
                        Files.deleteIfExists(temporary);
                    } catch (IOException ignored) {
                        // the JVM is stopping; nothing more to do
                    }
                }
            }
        }, "strata-atomic-file-cleanup"));
    }

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target} atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, CREATE_NEW);
    }

    /** Writes {@code content} to {@code target} atomically, opening the temporary file with {@code opener}. */
    public static void write(Path target, byte[] content, Opener opener) throws IOException {
        Path destination = resolveLinks(target.toAbsolutePath());
        if (Files.isDirectory(destination)) {
            throw new java.nio.file.FileSystemException(destination.toString(), null, "is a directory");
        }
        Path directory = destination.getParent();
        Path temporary = directory.resolve("." + destination.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        PENDING.add(temporary);
        try {
            try (FileChannel channel = opener.open(temporary)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + destination + " atomically on this file system", e);
            }
            syncDirectory(directory);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } finally {
                PENDING.remove(temporary);
            }
        }
    }

    /** The file a chain of symbolic links ends at (the path itself when it is none, or does not exist yet). */
    private static Path resolveLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 40) {
                throw new IOException("too many levels of symbolic links: " + path);
            }
            Path link = Files.readSymbolicLink(current);
            current = current.resolveSibling(link).normalize();
        }
        return current;
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is then left to the OS. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the data itself is already on disk
        }
    }
}
