package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon as a user runs it: {@code bin/agentbus start} as a child process (the launcher
 * {@code exec}s the JVM, so this process is the daemon itself). The launcher gets the test's
 * classpath through {@code AGENTBUS_CLASSPATH}, so no nested Maven build runs.
 */
final class Daemon implements AutoCloseable {
    static final long START_DEADLINE_MS = 60_000;
    static final long EXIT_DEADLINE_MS = 30_000;
    /** What {@link Process#exitValue()} reports for a process ended by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path logFile;

    private Daemon(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts the daemon on {@code port} with its data in {@code dataDir} and these extra start
     * flags; it may not be serving yet.
     */
    static Daemon start(int port, Path dataDir, Path logFile, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("start", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        args.addAll(List.of(flags));
        ProcessBuilder builder = launcher(args).redirectErrorStream(true).redirectOutput(logFile.toFile());
        return new Daemon(builder.start(), port, logFile);
    }

    /**
     * {@code bin/agentbus} with these arguments, run from the project root with the test's
     * classpath and java, and no other {@code AGENTBUS_*} variable.
     */
    static ProcessBuilder launcher(List<String> args) {
        Path root = projectRoot();
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/agentbus").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTBUS_"));
        builder.environment().put("AGENTBUS_CLASSPATH", testClasspath());
        builder.environment().put("AGENTBUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder;
    }

    /**
     * Starts the daemon and waits until {@code /health} answers 200. A start that exits because
     * the port is still held (e.g. just after a SIGKILL) is retried until the start deadline; any
     * other exit fails the test with the daemon's log.
     */
    static Daemon startHealthy(int port, Path dataDir, Path logFile, String... flags) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (true) {
            Daemon daemon = start(port, dataDir, logFile, flags);
            if (daemon.awaitHealthy(deadline)) {
                return daemon;
            }
            String log = daemon.log();
            if (!log.contains("BindException") && !log.contains("Address already in use")
                    || System.nanoTime() > deadline) {
                fail("the daemon exited with " + daemon.process.exitValue() + " while starting:\n" + log);
            }
        }
    }

    /**
     * Polls {@code /health} until it answers 200 ({@code true}) or the process exits
     * ({@code false}); fails when the deadline passes.
     */
    boolean awaitHealthy(long deadlineNs) throws Exception {
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        while (System.nanoTime() < deadlineNs) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // the port is not bound yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return fail("/health did not answer 200 within " + START_DEADLINE_MS + " ms:\n" + log());
    }

    /** Sends SIGKILL ({@link Process#destroyForcibly()} on Unix) and waits for the process to end. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(EXIT_DEADLINE_MS, TimeUnit.MILLISECONDS), "the daemon survived SIGKILL");
        return process.exitValue();
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit status. */
    int stop() throws Exception {
        process.destroy();
        assertTrue(process.waitFor(EXIT_DEADLINE_MS, TimeUnit.MILLISECONDS),
                "the daemon did not exit after SIGTERM:\n" + log());
        return process.exitValue();
    }

    int port() {
        return port;
    }

    String log() throws IOException {
        return Files.exists(logFile) ? Files.readString(logFile) : "(no log)";
    }

    /** Kills the process if it is still running (for {@code finally} blocks). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(EXIT_DEADLINE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Surefire runs in {@code bus-server/}; the root is the first directory up that holds {@code bin/agentbus}. */
    static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/agentbus"))) {
                return p;
            }
        }
        return fail("no bin/agentbus above " + Path.of("").toAbsolutePath());
    }

    /** Surefire's manifest-only jar hides the real classpath from java.class.path; it keeps it here. */
    static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertTrue(classpath.contains("netty"), "the test classpath misses the daemon's jars: " + classpath);
        return classpath.replace(File.pathSeparatorChar, ':');
    }
}
