package io.agentbus.orchestrator.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.JoinOptions;
import io.agentbus.client.Joined;
import io.agentbus.client.ReceivedMessage;
import io.agentbus.orchestrator.worker.bus.Assignment;
import io.agentbus.orchestrator.worker.bus.BadMessageException;
import io.agentbus.orchestrator.worker.bus.Control;
import io.agentbus.orchestrator.worker.bus.EventPublisher;
import io.agentbus.orchestrator.worker.bus.EventType;
import io.agentbus.orchestrator.worker.bus.Inbound;
import io.agentbus.orchestrator.worker.run.RunEnvironment;
import io.agentbus.orchestrator.worker.run.TaskEvents;
import io.agentbus.orchestrator.worker.run.TaskRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker on the bus: joins its room, says {@code ready} (with the room's last offset at the join:
 * tasks sequenced up to there it missed), queues the {@code task} assignments addressed to its role
 * or name (not one it is running already) and runs them one at a time on a thread of its own, obeys
 * {@code pause}/{@code resume}/{@code stop}, and publishes a {@code heartbeat} every interval.
 * {@link #close()} stops the running agent (none is left behind), reports the queued tasks as
 * failed and leaves the bus.
 */
public final class Worker implements AutoCloseable {
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private final WorkerSettings settings;
    private final RunEnvironment env;
    private final Consumer<String> diagnostics;
    private final TaskQueue queue = new TaskQueue();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Heartbeats heartbeats;
    private AgentBusClient client;
    private EventPublisher publisher;
    private Thread taskThread;
    private volatile TaskRun current;
    private volatile boolean closed;

    private Worker(WorkerSettings settings, RunEnvironment env, Consumer<String> diagnostics) {
        this.settings = settings;
        this.env = env;
        this.diagnostics = diagnostics;
        this.heartbeats = new Heartbeats(settings.heartbeat(), this::heartbeat);
    }

    /**
     * Connects, joins the room, publishes {@code ready} and starts taking tasks.
     *
     * @param diagnostics where the worker's own problems are reported (one line each)
     * @throws io.agentbus.client.error.AgentBusException if it cannot connect or join
     */
    public static Worker start(WorkerSettings settings, RunEnvironment env, Consumer<String> diagnostics) {
        Worker worker = new Worker(settings, env, diagnostics);
        try {
            worker.connect();
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        return worker;
    }

    private void connect() {
        client = AgentBusClient.builder(settings.bus(), settings.name()).token(settings.token())
                .connectTimeout(settings.connectTimeout()).requestTimeout(settings.connectTimeout())
                .onMessage(this::onMessage).connect();
        publisher = new EventPublisher(client, settings.room(), settings.name(), settings.role(), diagnostics);
        Joined joined = client.join(settings.room(), JoinOptions.DEFAULT.role(settings.role()).echo(false)).join();
        ObjectNode ready = publisher.body(EventType.READY);
        ready.put("agent", settings.agent());
        ready.put("joined_offset", joined.lastOffset());
        publisher.publish(EventType.READY, ready);
        taskThread = new Thread(this::takeTasks, "agentbus-worker-tasks");
        taskThread.start();
        heartbeats.start();
    }

    /** Completes when the worker ran its {@code maxTasks} tasks or was closed. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    private void onMessage(ReceivedMessage message) {
        Object inbound;
        try {
            inbound = Inbound.read(message, settings.name(), settings.role());
        } catch (BadMessageException e) {
            refuse(message, e);
            return;
        }
        if (inbound instanceof Assignment task) {
            if (!isRunning(task)) {
                queue.offer(task);
            }
        } else if (inbound instanceof Control control) {
            obey(control);
        }
    }

    /** Whether {@code task} is the one running now: an assignment sent again while it runs is not queued again. */
    private boolean isRunning(Assignment task) {
        TaskRun run = current;
        return run != null && run.task().taskId().equals(task.taskId()) && run.task().job().equals(task.job());
    }

    private void refuse(ReceivedMessage message, BadMessageException e) {
        String why = "ignored message at offset " + message.offset() + " from " + message.from() + ": " + e.getMessage();
        diagnostics.accept(why);
        ObjectNode log = publisher.body(EventType.LOG);
        log.put("level", "warn");
        log.put("message", EventPublisher.clip(why));
        if (e.taskId() != null) {
            log.put("task_id", e.taskId());
        }
        publisher.publish(EventType.LOG, log);
    }

    private void obey(Control control) {
        TaskRun run = current;
        boolean concernsCurrent = run != null && control.concerns(run.task().taskId());
        switch (control.action()) {
            case PAUSE -> {
                if (control.taskId() == null) {
                    queue.pause();
                }
                if (concernsCurrent) {
                    run.pause();
                }
            }
            case RESUME -> {
                if (control.taskId() == null) {
                    queue.resume();
                }
                if (concernsCurrent) {
                    run.resume();
                }
            }
            case STOP -> {
                queue.remove(control.taskId()).forEach(t -> failQueued(t, "stopped", "stopped while queued"));
                if (concernsCurrent) {
                    run.stop(false);
                }
            }
        }
    }

    private void takeTasks() {
        int done = 0;
        while (!closed && (settings.maxTasks() == 0 || done < settings.maxTasks())) {
            Assignment task = queue.take();
            if (task == null) {
                break;
            }
            runTask(task);
            done++;
        }
        finished.complete(null);
    }

    private void runTask(Assignment task) {
        TaskEvents events = new TaskEvents(publisher, task);
        if (env.ledger().isOverCap()) {
            failQueued(task, "cost_cap", String.format(java.util.Locale.ROOT,
                    "the worker spent %.4f USD, over its cost cap; it takes no more tasks", env.ledger().spentUsd()));
            return;
        }
        TaskRun run = new TaskRun(env, task, events, agentEnvironment(task));
        current = run;
        try {
            run.run();
        } catch (RuntimeException e) {
            diagnostics.accept("task " + task.taskId() + " failed inside the worker: " + e);
            failQueued(task, "worker_error", "the worker failed: " + e);
        } finally {
            current = null;
        }
    }

    private Map<String, String> agentEnvironment(Assignment task) {
        return Map.of("AGENTBUS_URL", settings.bus().toString(), "AGENTBUS_ROOM", settings.room(),
                "AGENTBUS_WORKER", settings.name(), "AGENTBUS_TASK_ID", task.taskId(), "AGENTBUS_JOB", task.job());
    }

    private void failQueued(Assignment task, String reason, String message) {
        ObjectNode failed = publisher.body(EventType.FAILED);
        failed.put("task_id", task.taskId());
        failed.put("job", task.job());
        failed.put("reason", reason);
        failed.put("exit_code", -1);
        failed.put("stderr_tail", "");
        failed.put("message", message);
        publisher.publish(EventType.FAILED, failed);
    }

    private void heartbeat() {
        ObjectNode beat = publisher.body(EventType.HEARTBEAT);
        TaskRun run = current;
        if (run == null) {
            beat.put("state", queue.isPaused() ? "paused" : "idle");
        } else {
            TaskRun.Snapshot s = run.snapshot();
            beat.put("state", s.state());
            beat.put("task_id", s.taskId());
            beat.put("job", s.job());
            beat.put("attempt", s.attempt());
            beat.put("elapsed_ms", s.elapsedMs());
            if (s.pid() > 0) {
                beat.put("pid", s.pid());
            }
        }
        beat.put("queued", queue.size());
        beat.put("worker_usd", env.ledger().spentUsd());
        publisher.publish(EventType.HEARTBEAT, beat);
    }

    /**
     * Stops the running task's agent (SIGTERM, SIGKILL after the grace period), reports it and the
     * queued tasks as failed ({@code worker_shutdown}), waits for those events to be acknowledged
     * and leaves the bus. Idempotent; safe from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeats.close();
        List<Assignment> queued = new ArrayList<>(queue.close());
        TaskRun run = current;
        if (run != null) {
            run.stop(true);
        }
        joinTaskThread();
        env.launcher().stopAll(env.limits().grace());
        if (publisher != null) {
            queued.forEach(t -> failQueued(t, "worker_shutdown", "the worker shut down before the task started"));
            publisher.flush(FLUSH_TIMEOUT);
        }
        if (client != null) {
            client.close();
        }
        finished.complete(null);
    }

    private void joinTaskThread() {
        if (taskThread == null || taskThread == Thread.currentThread()) {
            return;
        }
        try {
            taskThread.join(env.limits().grace().plus(FLUSH_TIMEOUT).toMillis());
            if (taskThread.isAlive()) {
                taskThread.interrupt();
                taskThread.join(TimeUnit.SECONDS.toMillis(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
