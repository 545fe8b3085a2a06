package io.agentbus.orchestrator.worker.run;

import io.agentbus.orchestrator.worker.agent.AgentInvocation;
import io.agentbus.orchestrator.worker.agent.AgentTemplate;
import io.agentbus.orchestrator.config.ConfigException;
import io.agentbus.orchestrator.worker.agent.PromptMode;
import io.agentbus.orchestrator.worker.agent.Recovery;
import io.agentbus.orchestrator.worker.agent.TaskContext;
import io.agentbus.orchestrator.worker.bus.Assignment;
import io.agentbus.orchestrator.worker.process.AgentProcess;
import io.agentbus.orchestrator.worker.rules.PermissionRecovery;
import io.agentbus.orchestrator.worker.workspace.ChangeTracker;
import io.agentbus.orchestrator.worker.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One task from its first attempt to its final event ({@code completed} or {@code failed}): makes
 * the workspace, starts the agent, waits for it under the rules (timeout, stop, forbidden
 * operation, cost cap, permission recovery), retries failures with back-off, and reports what
 * changed. Runs on the worker's task thread; {@link #pause}, {@link #resume} and {@link #stop}
 * come from any thread.
 */
public final class TaskRun {
    private static final Duration TICK = Duration.ofMillis(50);

    private final RunEnvironment env;
    private final Assignment task;
    private final TaskEvents events;
    private final Map<String, String> agentEnvironment;
    private final PermissionRecovery recovery;
    private final long startedNs = System.nanoTime();
    private final RunClock clock;
    private final Object lock = new Object();
    private StopReason stopRequested = StopReason.NONE;
    private Attempt current;
    private AgentProcess currentProcess;
    private double taskUsd;
    private volatile int attemptNumber;

    public TaskRun(RunEnvironment env, Assignment task, TaskEvents events, Map<String, String> agentEnvironment) {
        this.env = env;
        this.task = task;
        this.events = events;
        this.agentEnvironment = Map.copyOf(agentEnvironment);
        this.recovery = new PermissionRecovery(env.template().recoveries());
        this.clock = new RunClock(env.limits().timeout());
    }

    public Assignment task() {
        return task;
    }

    /** Runs the task to its end and publishes its final event. */
    public Outcome run() {
        Path dir;
        ChangeTracker tracker;
        try {
            dir = env.workspaces().prepare(task.job(), task.taskId());
            tracker = ChangeTracker.start(dir);
        } catch (WorkspaceException e) {
            return failed("workspace", -1, List.of(), "cannot prepare the workspace: " + e.getMessage());
        }
        List<String> extraArgs = List.of();
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            attemptNumber = attempt;
            events.attempt(attempt);
            if (!awaitRunnable()) {
                return failed(stopRequested().wireName(), -1, List.of(), "stopped before attempt " + attempt);
            }
            Attempt run = newAttempt();
            int exit;
            try {
                exit = runAttempt(run, dir, tracker, extraArgs);
            } catch (ConfigException | IOException e) {
                return failed("start_failed", -1, List.of(), "cannot start the agent: " + e.getMessage());
            }
            Outcome end = decide(run, exit, tracker, attempt);
            if (end != null) {
                return end;
            }
            if (run.stopReason() == StopReason.RECOVERY) {
                extraArgs = recover(run.recovery());
            } else if (!retry(++failures, run, exit)) {
                return failed(run.agentFailure() != null && exit == 0 ? "agent_reported" : "exit", exit,
                        run.stderrTail(), failureMessage(run, exit));
            }
        }
    }

    private Attempt newAttempt() {
        AgentTemplate template = env.template();
        return new Attempt(events, template.format().newParser(), env.forbidden(), recovery, env.ledger(),
                template.pricing(), this::addTaskUsd);
    }

    private int runAttempt(Attempt run, Path dir, ChangeTracker tracker, List<String> extraArgs)
            throws IOException {
        PromptFile prompt = PromptFile.of(env.template().prompt() == PromptMode.FILE, task.prompt());
        try {
            Path target = env.workspaces().target() == null ? dir : env.workspaces().target();
            AgentInvocation invocation = AgentInvocation.of(env.template(),
                    new TaskContext(dir, target, task.prompt(), prompt.path(), task.taskId(), task.job()), extraArgs);
            AgentProcess process = env.launcher().start(invocation.command(), dir, agentEnvironment,
                    invocation.stdin(), run::stdout, run::stderr);
            events.started(process.pid(), invocation.command().get(0), dir.toString());
            track(run, process);
            run.attach(process);
            int exit = waitForExit(run, process, tracker);
            run.outputEnded();
            untrack();
            return exit;
        } finally {
            prompt.delete();
        }
    }

    private void track(Attempt run, AgentProcess process) {
        synchronized (lock) {
            current = run;
            currentProcess = process;
            if (clock.isPaused()) {
                process.pause();
            }
            if (stopRequested != StopReason.NONE) {
                run.requestStop(stopRequested);
            }
        }
    }

    private void untrack() {
        synchronized (lock) {
            current = null;
            currentProcess = null;
        }
    }

    /** Waits for the agent's exit, asking it to stop on timeout and killing it a grace period after any stop. */
    private int waitForExit(Attempt run, AgentProcess process, ChangeTracker tracker) {
        long graceNs = env.limits().grace().toNanos();
        long watchNs = env.watchInterval().toNanos();
        long lastWatch = System.nanoTime();
        try {
            while (!process.waitFor(TICK)) {
                long now = System.nanoTime();
                if (run.stopReason() != StopReason.NONE) {
                    if (now - run.stopRequestedNs() > graceNs) {
                        break;
                    }
                } else if (remainingNs() <= 0) {
                    run.requestStop(StopReason.TIMEOUT);
                } else if (now - lastWatch >= watchNs) {
                    lastWatch = now;
                    watchWorkspace(run, tracker);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.requestStop(StopReason.WORKER_SHUTDOWN);
        }
        process.finish(env.limits().grace());
        return process.exitCode();
    }

    private void watchWorkspace(Attempt run, ChangeTracker tracker) {
        try {
            tracker.forbiddenGitOperation().ifPresent(op -> {
                if (run.requestStop(StopReason.FORBIDDEN_OPERATION)) {
                    events.blocker("forbidden_operation", "the workspace shows a " + op
                            + " by the agent; it was stopped", op, null);
                }
            });
        } catch (WorkspaceException e) {
            events.stderr("agentbus: cannot check the workspace: " + e.getMessage());
        }
    }

    /** The final outcome of an attempt that ends the task, or {@code null} to go on (recovery or retry). */
    private Outcome decide(Attempt run, int exit, ChangeTracker tracker, int attempt) {
        if (run.stopReason() == StopReason.NONE) {
            watchWorkspace(run, tracker);
        }
        StopReason reason = run.stopReason();
        if (reason == StopReason.RECOVERY) {
            return null;
        }
        if (reason != StopReason.NONE) {
            return failed(reason.wireName(), exit, run.stderrTail(), stopMessage(reason));
        }
        if (exit != 0 || run.agentFailure() != null) {
            return null;
        }
        try {
            List<String> files = tracker.changedFiles();
            events.completed(files, run.summary(), clock.elapsedMs(startedNs), taskUsd());
            return new Outcome(true, "completed", attempt);
        } catch (WorkspaceException e) {
            return failed("workspace", exit, run.stderrTail(), "cannot list the files changed: " + e.getMessage());
        }
    }

    private List<String> recover(Recovery chosen) {
        recovery.use();
        events.recovery("restart_with_args", "known permission error (" + chosen.name()
                + "): starting the agent again with " + String.join(" ", chosen.addArgs()), chosen.addArgs(), -1);
        return chosen.addArgs();
    }

    /** Whether to try again after failure number {@code failures}; waits the back-off first. */
    private boolean retry(int failures, Attempt run, int exit) {
        if (failures > env.limits().retries()) {
            return false;
        }
        Duration backoff = env.limits().backoffBefore(failures + 1);
        if (backoff.toNanos() >= remainingNs()) {
            return false;
        }
        events.recovery("retry", failureMessage(run, exit) + "; retry " + failures + " of "
                + env.limits().retries() + " in " + backoff.toMillis() + " ms", null, backoff.toMillis());
        synchronized (lock) {
            long until = System.nanoTime() + backoff.toNanos();
            while (stopRequested == StopReason.NONE && until - System.nanoTime() > 0) {
                waitOn(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
        }
        return true;
    }

    private boolean awaitRunnable() {
        synchronized (lock) {
            while (clock.isPaused() && stopRequested == StopReason.NONE) {
                waitOn(0);
            }
            return stopRequested == StopReason.NONE;
        }
    }

    private void waitOn(long ms) {
        try {
            lock.wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = StopReason.WORKER_SHUTDOWN;
        }
    }

    private Outcome failed(String reason, int exit, List<String> stderrTail, String message) {
        events.failed(reason, exit, stderrTail, message, clock.elapsedMs(startedNs));
        return new Outcome(false, reason, attemptNumber);
    }

    private String stopMessage(StopReason reason) {
        return switch (reason) {
            case TIMEOUT -> "the task ran out of its " + env.limits().timeout().toMillis() + " ms";
            case STOPPED -> "stopped by a stop message";
            case FORBIDDEN_OPERATION -> "stopped after a forbidden operation";
            case COST_CAP -> "stopped at the worker's cost cap";
            default -> "stopped: the worker is shutting down";
        };
    }

    private static String failureMessage(Attempt run, int exit) {
        String said = run.agentFailure();
        return exit != 0 ? "the agent exited with " + exit + (said == null ? "" : ": " + said)
                : "the agent reported a failure: " + said;
    }

    private double addTaskUsd(double usd) {
        synchronized (lock) {
            taskUsd += usd;
            return taskUsd;
        }
    }

    private double taskUsd() {
        synchronized (lock) {
            return taskUsd;
        }
    }

    private long remainingNs() {
        synchronized (lock) {
            return clock.remainingNs();
        }
    }

    private StopReason stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** SIGSTOP to the agent's group; time paused does not count against the timeout. */
    public void pause() {
        synchronized (lock) {
            if (!clock.pause()) {
                return;
            }
            if (currentProcess != null) {
                currentProcess.pause();
            }
        }
        events.state("paused");
    }

    /** SIGCONT to the agent's group. */
    public void resume() {
        synchronized (lock) {
            if (!clock.resume()) {
                return;
            }
            if (currentProcess != null) {
                currentProcess.resume();
            }
            lock.notifyAll();
        }
        events.state("running");
    }

    /** Stops the task: its agent gets SIGTERM, then SIGKILL after the grace period; it ends {@code failed}. */
    public void stop(boolean workerShutdown) {
        synchronized (lock) {
            if (stopRequested != StopReason.NONE) {
                return;
            }
            stopRequested = workerShutdown ? StopReason.WORKER_SHUTDOWN : StopReason.STOPPED;
            if (current != null) {
                current.requestStop(stopRequested);
            }
            lock.notifyAll();
        }
    }

    /** What a heartbeat says about this task. */
    public Snapshot snapshot() {
        synchronized (lock) {
            String state = clock.isPaused() ? "paused" : currentProcess != null ? "running" : "waiting";
            return new Snapshot(task.taskId(), task.job(), attemptNumber, state,
                    currentProcess == null ? -1 : currentProcess.pid(), clock.elapsedMs(startedNs));
        }
    }

    /** A task's state for a heartbeat: {@code running}, {@code paused} or {@code waiting} (for a retry). */
    public record Snapshot(String taskId, String job, int attempt, String state, long pid, long elapsedMs) {
    }
}
