package dev.strata.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Reads a stream of the policy runner on a thread of its own, keeping its first {@code limit} bytes. */
final class OutputCapture {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int limit;
    private final Thread thread;
    private volatile boolean overflowed;

    private OutputCapture(InputStream in, int limit, String name) {
        this.limit = limit;
        this.thread = new Thread(() -> drain(in), name);
        this.thread.setDaemon(true);
    }

    static OutputCapture start(InputStream in, int limit, String name) {
        OutputCapture capture = new OutputCapture(in, limit, name);
        capture.thread.start();
        return capture;
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                synchronized (buffer) {
                    int room = limit - buffer.size();
                    buffer.write(chunk, 0, Math.min(room, n));
                    if (n > room) {
                        overflowed = true;
                    }
                }
            }
        } catch (IOException e) {
            // the stream closed under us (the runner was stopped)
        }
    }

    boolean await(long end) throws InterruptedException {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(PolicyRunner.remaining(end))));
        return !thread.isAlive();
    }

    boolean overflowed() {
        return overflowed;
    }

    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
