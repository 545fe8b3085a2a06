package io.agentbus.orchestrator.worker.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An agent running in a process group of its own (see {@link ProcessLauncher}): its output read
 * line by line on two threads of its own, paused and resumed as a group, stopped with SIGTERM
 * then SIGKILL, and after its exit every process it left in its group killed.
 */
public final class AgentProcess {
    private final Process process;
    private final ProcessGroup group;
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Consumer<AgentProcess> onGone;

    AgentProcess(Process process, String stdin, LineSink stdout, LineSink stderr, Consumer<AgentProcess> onGone) {
        this.process = process;
        this.group = new ProcessGroup(process.pid());
        this.onGone = onGone;
        long pid = process.pid();
        this.stdoutReader = reader(new LineReader(process.getInputStream(), stdout, LineReader.MAX_LINE_CHARS),
                "agentbus-agent-" + pid + "-stdout");
        this.stderrReader = reader(new LineReader(process.getErrorStream(), stderr, LineReader.MAX_LINE_CHARS),
                "agentbus-agent-" + pid + "-stderr");
        writeStdin(stdin, pid);
    }

    private static Thread reader(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void writeStdin(String stdin, long pid) {
        OutputStream in = process.getOutputStream();
        if (stdin == null) {
            closeQuietly(in);
            return;
        }
        Thread writer = new Thread(() -> {
            try (in) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException agentClosedItsInput) {
                // the agent does not read its standard input: nothing to do
            }
        }, "agentbus-agent-" + pid + "-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the agent to exit; whether it did. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** The exit status (128 + N after signal N). */
    public int exitCode() {
        return process.exitValue();
    }

    /** SIGSTOP to the group: the agent and everything it started stop where they are. */
    public void pause() {
        group.signal("STOP");
    }

    /** SIGCONT to the group. */
    public void resume() {
        group.signal("CONT");
    }

    /** SIGTERM to the group (then SIGCONT, so that a paused group gets it), without waiting. */
    public void terminate() {
        if (group.signal("TERM")) {
            group.signal("CONT");
        }
    }

    /**
     * Stops the agent: SIGTERM to its group, and SIGKILL to what is left of the group after
     * {@code grace}; then waits for its output to end (see {@link #finish}).
     */
    public void stop(Duration grace) {
        terminate();
        try {
            waitFor(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish(grace);
    }

    /**
     * After the agent exited (or to make it): SIGKILL to what is left of its group, waits up to
     * {@code outputWait} until none of it is alive, then as long for the last lines of its output
     * to be handed over.
     */
    public void finish(Duration outputWait) {
        group.signal("KILL");
        group.awaitEmpty(outputWait);
        try {
            if (!process.waitFor(outputWait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            stdoutReader.join(outputWait.toMillis());
            stderrReader.join(outputWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onGone.accept(this);
    }

    /** The pids still alive in the agent's group (empty once it is fully stopped). */
    public List<Long> groupMembers() {
        return group.members();
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing a pipe the child already closed
        }
    }

    @Override
    public String toString() {
        return "agent process " + process.pid();
    }
}
