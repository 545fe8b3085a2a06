package io.agentbus.orchestrator.worker.it;

import static org.awaitility.Awaitility.await;

import io.agentbus.orchestrator.worker.Worker;
import io.agentbus.orchestrator.worker.WorkerSettings;
import io.agentbus.orchestrator.worker.agent.AgentConfig;
import io.agentbus.orchestrator.worker.agent.AgentTemplate;
import io.agentbus.orchestrator.worker.process.ProcessLauncher;
import io.agentbus.orchestrator.worker.rules.CostLedger;
import io.agentbus.orchestrator.worker.rules.ForbiddenOperations;
import io.agentbus.orchestrator.worker.rules.RunLimits;
import io.agentbus.orchestrator.worker.run.RunEnvironment;
import io.agentbus.orchestrator.worker.workspace.Workspaces;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Builds workers against the live daemon with short limits, and waits for their events. */
public final class WorkerFixture implements AutoCloseable {
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    public static final RunLimits LIMITS =
            new RunLimits(Duration.ofSeconds(20), 0, Duration.ofMillis(100), Duration.ofMillis(500));

    private final LiveDaemon daemon;
    private final Path workspaceRoot;
    private final List<Worker> workers = new ArrayList<>();
    public final List<String> diagnostics = new CopyOnWriteArrayList<>();

    public WorkerFixture(LiveDaemon daemon, Path workspaceRoot) {
        this.daemon = daemon;
        this.workspaceRoot = workspaceRoot;
    }

    /** The path of a script under {@code src/test/resources/agents}. */
    public static String script(String name) {
        try {
            return Path.of(WorkerFixture.class.getResource("/agents/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A worker builder: agent template {@code agent} running {@code bash SCRIPT ARGS…}. */
    public Builder worker(String room, String name, String agent, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script(script)));
        command.addAll(List.of(args));
        return new Builder(room, name, agent, command);
    }

    /** Waits until {@code room} holds an event matching {@code match}; returns the whole history then. */
    public List<LiveDaemon.Event> awaitEvent(String room, Predicate<LiveDaemon.Event> match) {
        List<List<LiveDaemon.Event>> seen = new ArrayList<>(List.of(List.of()));
        await().atMost(DEADLINE).until(() -> {
            seen.set(0, daemon.history(room));
            return seen.get(0).stream().anyMatch(match);
        });
        return seen.get(0);
    }

    public static Predicate<LiveDaemon.Event> is(String type, String taskId) {
        return e -> e.type().equals(type) && taskId.equals(e.taskId());
    }

    /** The worker events (bodies with a {@code worker} and a {@code role}: not controls) of {@code taskId}. */
    public static List<LiveDaemon.Event> ofTask(List<LiveDaemon.Event> history, String taskId) {
        return history.stream()
                .filter(e -> e.body().has("worker") && e.body().has("role") && taskId.equals(e.taskId())).toList();
    }

    /**
     * The events without the agent's stderr lines: stdout and stderr are read on two threads, so
     * only the order within each stream is defined.
     */
    public static List<LiveDaemon.Event> withoutStderr(List<LiveDaemon.Event> events) {
        return events.stream().filter(e -> !"stderr".equals(e.text("stream"))).toList();
    }

    /** The agent's stderr lines, in order. */
    public static List<String> stderr(List<LiveDaemon.Event> events) {
        return events.stream().filter(e -> "stderr".equals(e.text("stream"))).map(e -> e.text("message")).toList();
    }

    public static List<String> types(List<LiveDaemon.Event> events) {
        return events.stream().map(LiveDaemon.Event::type).toList();
    }

    public static LiveDaemon.Event first(List<LiveDaemon.Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types(events)));
    }

    /** Waits until this JVM has no child processes left (git and kill run briefly; agents must be gone). */
    public static void awaitNoChildProcesses() {
        await().atMost(DEADLINE).until(() -> ProcessHandle.current().descendants().findAny().isEmpty());
    }

    @Override
    public void close() {
        workers.forEach(Worker::close);
    }

    /** Settings of one worker; every one has a test default. */
    public final class Builder {
        private final String room;
        private final String name;
        private final String agent;
        private final List<String> command;
        private String role = "coder";
        private RunLimits limits = LIMITS;
        private Double costCap;
        private Path target;
        private Duration heartbeat = Duration.ofSeconds(30);

        private Builder(String room, String name, String agent, List<String> command) {
            this.room = room;
            this.name = name;
            this.agent = agent;
            this.command = command;
        }

        public Builder role(String role) {
            this.role = role;
            return this;
        }

        public Builder limits(RunLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder costCap(double usd) {
            this.costCap = usd;
            return this;
        }

        public Builder target(Path repo) {
            this.target = repo;
            return this;
        }

        public Builder heartbeat(Duration interval) {
            this.heartbeat = interval;
            return this;
        }

        public Worker start() {
            AgentTemplate template = AgentConfig.builtIn().template(agent).withCommand(command);
            RunEnvironment env = new RunEnvironment(template, new ForbiddenOperations(AgentConfig.builtIn().forbidden()),
                    new CostLedger(costCap), limits, new ProcessLauncher(), new Workspaces(workspaceRoot.resolve(name),
                    target), Duration.ofMillis(200));
            WorkerSettings settings = new WorkerSettings(daemon.uri(), null, room, name, role, agent, heartbeat,
                    Duration.ofSeconds(10), 0);
            Worker worker = Worker.start(settings, env, diagnostics::add);
            workers.add(worker);
            return worker;
        }
    }
}
