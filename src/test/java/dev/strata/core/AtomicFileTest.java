package dev.strata.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** Writes that are whole or nothing: faults part-way leave the old file and no temporary file. */
class AtomicFileTest {
    private static final byte[] OLD = "the previous plan\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);

    @Test
    void writesANewFileAndReplacesAnOldOne(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("plan.json");
        AtomicFile.write(target, OLD);
        assertThat(target).hasBinaryContent(OLD);
        AtomicFile.write(target, NEW);
        assertThat(target).hasBinaryContent(NEW);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    /** A disk that fills half-way: the write fails after part of the plan is on disk. */
    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileByteIdentical(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("plan.json"), OLD);
        AtomicInteger calls = new AtomicInteger();
        AtomicFile.Opener failingHalfWay = temporary -> {
            FileChannel real = FileChannel.open(temporary, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            FileChannel channel = mock(FileChannel.class, delegatesTo(real));
            doAnswer(invocation -> {
                ByteBuffer buffer = invocation.getArgument(0);
                if (calls.incrementAndGet() > 1) {
                    throw new FileSystemException(temporary.toString(), null, "No space left on device");
                }
                ByteBuffer half = buffer.slice();
                half.limit(buffer.remaining() / 2);
                int written = real.write(half);
                buffer.position(buffer.position() + written);
                return written;
            }).when(channel).write(any(ByteBuffer.class));
            return channel;
        };

        assertThatThrownBy(() -> AtomicFile.write(target, NEW, failingHalfWay))
                .isInstanceOf(FileSystemException.class)
                .satisfies(e -> assertThat(FileErrors.reason((IOException) e)).isEqualTo("no space left on device"));

        assertThat(calls).hasValue(2);
        assertThat(target).hasBinaryContent(OLD);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFlushThatFailsLeavesTheOldFile(@TempDir Path dir) throws IOException {
        Path target = Files.write(dir.resolve("plan.json"), OLD);
        FileChannel[] opened = new FileChannel[1];
        AtomicFile.Opener failingFsync = temporary -> {
            FileChannel real = AtomicFile.CREATE_NEW.open(temporary);
            FileChannel channel = mock(FileChannel.class, delegatesTo(real));
            doThrow(new IOException("Input/output error")).when(channel).force(true);
            opened[0] = channel;
            return channel;
        };

        assertThatThrownBy(() -> AtomicFile.write(target, NEW, failingFsync)).hasMessage("Input/output error");

        verify(opened[0]).force(true);
        assertThat(target).hasBinaryContent(OLD);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    /** Two plans writing one file: each rename replaces the whole file, so it always holds one complete plan. */
    @Test
    void concurrentWritersNeverMixTheirContent(@TempDir Path dir) throws Exception {
        Path target = Files.write(dir.resolve("plan.json"), OLD);
        byte[] a = "a".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                var first = pool.submit(() -> {
                    AtomicFile.write(target, a);
                    return null;
                });
                var second = pool.submit(() -> {
                    AtomicFile.write(target, b);
                    return null;
                });
                first.get();
                second.get();
                byte[] content = Files.readAllBytes(target);
                assertThat(java.util.Arrays.equals(content, a) || java.util.Arrays.equals(content, b)).as("round %d", round).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThrough(@TempDir Path dir) throws IOException {
        Path real = Files.write(dir.resolve("real.json"), OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        AtomicFile.write(link, NEW);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasBinaryContent(NEW);
    }

    @Test
    void aDirectoryOrAMissingDirectoryIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFile.write(sub, NEW))
                .satisfies(e -> assertThat(FileErrors.reason((IOException) e)).isEqualTo("is a directory"));
        assertThatThrownBy(() -> AtomicFile.write(dir.resolve("missing/plan.json"), NEW))
                .satisfies(e -> assertThat(FileErrors.reason((IOException) e)).isEqualTo("no such file or directory"));
    }

    @Test
    void reasonsAreTheOperatingSystems() {
        assertThat(FileErrors.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new NoSuchFileException("/x"))).isEqualTo("no such file or directory");
        assertThat(FileErrors.reason(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("is a directory");
        assertThat(FileErrors.reason(new java.io.FileNotFoundException("/x (Permission denied)"))).isEqualTo("permission denied");
    }
}
