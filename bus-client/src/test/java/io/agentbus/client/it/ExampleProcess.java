package io.agentbus.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One example client (examples/js or examples/python) running as a child process. Two named
 * threads copy its stdout and stderr, line by line, into queues, so a test can wait on them and
 * show them in its failure messages; {@link #close()} ends the process whatever state it is in.
 */
final class ExampleProcess implements AutoCloseable {
    private static final Duration TERM_GRACE = Duration.ofSeconds(3);
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    private final String name;
    private final List<String> command;
    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ExampleProcess(String name, List<String> command, Process process) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.stdoutReader = reader(name + "-stdout", process.getInputStream(), stdout);
        this.stderrReader = reader(name + "-stderr", process.getErrorStream(), stderr);
    }

    /** Starts {@code command} in {@code workDir}; {@code name} labels its threads and messages. */
    static ExampleProcess start(String name, List<String> command, Path workDir) throws IOException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
        process.getOutputStream().close();
        return new ExampleProcess(name, List.copyOf(command), process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits up to {@code timeout} for the process to exit, asserts that it exited with 0, and
     * returns every line it printed on stdout.
     */
    List<String> awaitSuccessfulExit(Duration timeout) throws InterruptedException {
        assertTrue(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS),
                () -> "did not exit within " + timeout + ": " + describe());
        awaitReaders();
        assertEquals(0, process.exitValue(), this::describe);
        return new ArrayList<>(stdout);
    }

    /**
     * The command, its state, and what it printed so far (all of it, once it has exited): the
     * text of a failure message.
     */
    String describe() {
        if (!process.isAlive()) {
            awaitReaders();
        }
        String state = process.isAlive() ? "still running" : "exited with " + process.exitValue();
        return name + " example " + String.join(" ", command) + " " + state
                + "\n--- stdout ---\n" + String.join("\n", stdout)
                + "\n--- stderr ---\n" + String.join("\n", stderr) + "\n---";
    }

    /**
     * SIGTERM (the examples close with 1000 and exit 0), then SIGKILL if it is still running
     * after a grace period; an interrupt skips the grace period.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(TERM_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitReaders();
    }

    /** Waits (briefly) for the reader threads to reach the end of the process's output. */
    private void awaitReaders() {
        try {
            stdoutReader.join(READER_GRACE.toMillis());
            stderrReader.join(READER_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread reader(String threadName, InputStream in, BlockingQueue<String> lines) {
        Thread thread = new Thread(() -> copyLines(in, lines), "example-" + threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copyLines(InputStream in, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException streamClosed) {
            // the process was killed: what it printed before is in the queue
        }
    }
}
