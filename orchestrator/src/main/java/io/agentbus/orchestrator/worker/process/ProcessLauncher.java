package io.agentbus.orchestrator.worker.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts agents, each in a process group of its own, and keeps track of the ones alive so that
 * {@link #stopAll} leaves none behind.
 *
 * <p>An agent is started as {@code setsid bash -c WATCHDOG agentbus-agent WATCHED COMMAND…}: setsid
 * (util-linux) makes it the leader of a new session and process group (the JVM's children are
 * never group leaders, so setsid does not fork and the agent keeps the pid the JDK reports);
 * bash leaves a watchdog in that group — {@code tail --pid=WATCHED} — which kills the whole
 * group with SIGKILL when the worker's JVM (WATCHED) dies without stopping its agents (e.g. by
 * SIGKILL), then execs the command. The watchdog has no standard streams of the agent's, so the
 * agent's output ends when the agent does; it goes with the group when the agent ends.
 */
public final class ProcessLauncher {
    static final String WATCHDOG = "watched=$1; shift; "
            + "( exec </dev/null >/dev/null 2>&1; tail --pid=\"$watched\" -f /dev/null; kill -s KILL 0 ) & "
            + "exec \"$@\"";
    private static final long LEADER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final long LEADER_POLL_NS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final List<String> NEEDED = List.of("setsid", "bash", "tail", "kill");

    private final long watchedPid;
    private final Set<AgentProcess> alive = ConcurrentHashMap.newKeySet();

    /** A launcher whose agents die with this JVM. */
    public ProcessLauncher() {
        this(ProcessHandle.current().pid());
    }

    /** A launcher whose agents die with process {@code watchedPid} (tests watch a process of their own). */
    public ProcessLauncher(long watchedPid) {
        this.watchedPid = watchedPid;
    }

    /**
     * Checks that the programs the launcher needs are on the PATH.
     *
     * @throws IllegalStateException naming the missing ones and the Debian packages that have them
     */
    public static void checkPrerequisites() {
        List<String> missing = new ArrayList<>();
        for (String program : NEEDED) {
            if (onPath(program) == null) {
                missing.add(program);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the worker needs " + String.join(", ", missing) + " on the PATH "
                    + "(Debian: util-linux has setsid, coreutils tail, procps kill)");
        }
    }

    static Path onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Starts {@code command} in {@code directory}, writes {@code stdin} (if not {@code null}) to it
     * and closes its standard input, and hands its output lines to the sinks.
     *
     * @throws IOException if the process cannot be started
     */
    public AgentProcess start(List<String> command, Path directory, Map<String, String> environment, String stdin,
                              LineSink stdout, LineSink stderr) throws IOException {
        List<String> argv = new ArrayList<>(List.of("setsid", "bash", "-c", WATCHDOG, "agentbus-agent",
                Long.toString(watchedPid)));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile());
        builder.environment().putAll(environment);
        Process started = builder.start();
        awaitGroupLeader(started);
        AgentProcess process = new AgentProcess(started, stdin, stdout, stderr, alive::remove);
        alive.add(process);
        return process;
    }

    /**
     * Waits until setsid made the child the leader of its group (microseconds after the start),
     * so that no signal meant for the group is sent before there is one.
     */
    private static void awaitGroupLeader(Process process) throws IOException {
        long deadline = System.nanoTime() + LEADER_TIMEOUT_NS;
        while (ProcessGroup.of(process.pid()) != process.pid() && process.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                throw new IOException("setsid did not make process " + process.pid() + " a process group leader");
            }
            LockSupport.parkNanos(LEADER_POLL_NS);
        }
    }

    /** Stops every agent still alive: SIGTERM to its group, SIGKILL after {@code grace}. */
    public void stopAll(Duration grace) {
        List<AgentProcess> stopping = new ArrayList<>(alive);
        stopping.forEach(AgentProcess::terminate);
        for (AgentProcess p : stopping) {
            p.stop(grace);
        }
    }

    public int aliveCount() {
        return alive.size();
    }
}
