package io.agentbus.orchestrator.worker.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A process group on Linux: signalled as a whole with {@code kill -s SIG -- -PGID} (the JDK
 * signals single processes only), its members found in {@code /proc}.
 */
public final class ProcessGroup {
    private static final Path PROC = Path.of("/proc");
    private static final long KILL_TIMEOUT_MS = 5_000;
    private static final long EMPTY_POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private final long id;

    public ProcessGroup(long id) {
        if (id <= 1) {
            throw new IllegalArgumentException("not a process group one may signal: " + id);
        }
        this.id = id;
    }

    /**
     * Sends {@code signal} (e.g. {@code STOP}, {@code CONT}, {@code TERM}, {@code KILL}) to every
     * process of the group.
     *
     * @return whether some process got it ({@code false} when the group is gone)
     */
    public boolean signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + id)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(KILL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill to signal process group " + id + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The pids of the group's live processes (zombies not counted), read from {@code /proc/PID/stat}. */
    public List<Long> members() {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long[] state = stat(entry);
                if (state != null && state[1] == id) {
                    members.add(state[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return members;
    }

    /**
     * Waits up to {@code timeout} until the group has no live process (a SIGKILL is delivered
     * asynchronously: the processes die when next scheduled).
     *
     * @return whether it is empty
     */
    public boolean awaitEmpty(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!members().isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(EMPTY_POLL_NS);
        }
        return true;
    }

    /** {pid, pgrp} of a live process, or {@code null} for a zombie or a process gone meanwhile. */
    static long[] stat(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (after[0].equals("Z") || after[0].equals("X")) {
                return null;
            }
            return new long[] {Long.parseLong(procEntry.getFileName().toString()), Long.parseLong(after[2])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The process group of process {@code pid}, or {@code -1} if it is gone. */
    public static long of(long pid) {
        long[] state = stat(PROC.resolve(Long.toString(pid)));
        return state == null ? -1 : state[1];
    }

    @Override
    public String toString() {
        return "process group " + id;
    }
}
