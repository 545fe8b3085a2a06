package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The lines a child process writes to one of its streams, read by a daemon thread as they come,
 * for a test to wait on with a deadline.
 */
public final class ProcessLines {
    private static final String END = new String("end of stream");

    private final LinkedBlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> all = new CopyOnWriteArrayList<>();

    private ProcessLines() {
    }

    /** Starts reading {@code stream} (UTF-8) on a thread named {@code name}. */
    public static ProcessLines read(InputStream stream, String name) {
        ProcessLines lines = new ProcessLines();
        Thread reader = new Thread(() -> lines.readAll(stream), name);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The first unread line that {@code matches}, waiting up to {@code timeout}; fails the test otherwise. */
    public String await(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            String line = unread.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                return fail("no matching line within " + timeout + "; lines so far: " + all);
            }
            if (line == END) {
                unread.offer(END);
                return fail("the stream ended without a matching line; lines: " + all);
            }
            if (matches.test(line)) {
                return line;
            }
        }
    }

    /** Every line read so far, for failure messages. */
    public List<String> all() {
        return List.copyOf(all);
    }

    private void readAll(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                all.add(line);
                unread.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            unread.add(END);
        }
    }
}
