package io.agentbus.orchestrator.worker.cli;

import io.agentbus.client.error.AgentBusException;
import io.agentbus.orchestrator.worker.Worker;
import io.agentbus.orchestrator.worker.WorkerSettings;
import io.agentbus.orchestrator.worker.agent.AgentConfig;
import io.agentbus.orchestrator.worker.agent.AgentTemplate;
import io.agentbus.orchestrator.config.ConfigException;
import io.agentbus.orchestrator.worker.agent.PromptMode;
import io.agentbus.orchestrator.worker.output.OutputFormat;
import io.agentbus.orchestrator.worker.process.ProcessLauncher;
import io.agentbus.orchestrator.worker.rules.CostLedger;
import io.agentbus.orchestrator.worker.rules.ForbiddenOperations;
import io.agentbus.orchestrator.worker.rules.RunLimits;
import io.agentbus.orchestrator.worker.run.RunEnvironment;
import io.agentbus.orchestrator.worker.workspace.Workspaces;
import io.agentbus.protocol.Ids;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentbus worker}: runs an agent CLI for each task addressed to it in a room. */
@Command(name = "worker", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Run an agent CLI as a worker on the bus.",
        description = {
            "Joins ROOM with ROLE, says ready, and for each {\"type\":\"task\"} message addressed to ROLE (or to",
            "NAME as its assignee) starts the agent in a workspace of its own, publishing what it does as",
            "worker events (started, progress, cost, completed, failed, ...; README, \"Worker events\").",
            "Obeys pause, resume and stop messages. Runs until Ctrl-C or SIGTERM (or --max-tasks), and",
            "stops its agents before it exits.",
        },
        footerHeading = "%nExamples:%n", footer = {
            "  agentbus worker --room build-42 --role coder --agent claude",
            "  agentbus worker --room build-42 --role reviewer --agent codex --target ~/src/app",
            "  agentbus worker --room build-42 --role coder --agent custom -- ./my-agent.sh --fast",
            "%nExit status: 0 stopped by a signal or --max-tasks done; 2 cannot connect or join;",
            "64 bad command line or config file.",
        })
public final class WorkerCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int CANNOT_CONNECT = 2;
    static final int USAGE = 64;
    private static final String DEFAULT_URL = "ws://127.0.0.1:7070/ws";

    @Spec
    private CommandSpec spec;

    @Option(names = "--bus", paramLabel = "URL", defaultValue = "${env:AGENTBUS_URL:-" + DEFAULT_URL + "}",
            description = "the daemon's WebSocket URL (default: $AGENTBUS_URL, else " + DEFAULT_URL + ")")
    private URI bus;

    @Option(names = "--room", required = true, paramLabel = "ROOM", description = "the room to take tasks from")
    private String room;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "the role it works as, e.g. coder")
    private String role;

    @Option(names = "--name", paramLabel = "NAME", description = "its client id and assignee name (default: ROLE-PID)")
    private String name;

    @Option(names = "--agent", required = true, paramLabel = "AGENT",
            description = "the agent template: claude, codex, gemini, custom, or one of --config")
    private String agent;

    @Option(names = "--config", paramLabel = "FILE", description = "agent templates and forbidden operations "
            + "overriding the built-in ones (JSON, see README)")
    private Path config;

    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = "./workspace",
            description = "where task directories go, DIR/JOB/TASK (default: ./workspace)")
    private Path workspace;

    @Option(names = "--target", paramLabel = "REPO",
            description = "a git repository: each task works in a git worktree of it on branch agentbus/JOB/TASK")
    private Path target;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationArgument.class,
            description = "wall-clock time per task, retries included, pauses not (default: 30m)")
    private Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "1",
            description = "retries of an agent that exits with a failure (default: 1)")
    private int retries;

    @Option(names = "--backoff", paramLabel = "DURATION", defaultValue = "5s", converter = DurationArgument.class,
            description = "wait before the first retry, doubled for each next one (default: 5s)")
    private Duration backoff;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "10s", converter = DurationArgument.class,
            description = "time between SIGTERM and SIGKILL when an agent is stopped (default: 10s)")
    private Duration grace;

    @Option(names = "--cost-cap", paramLabel = "USD",
            description = "stop and take no more tasks once the agents spent more than this (default: no cap)")
    private Double costCap;

    @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "15s", converter = DurationArgument.class,
            description = "how often to publish a heartbeat (default: 15s)")
    private Duration heartbeat;

    @Option(names = "--prompt-via", paramLabel = "MODE", description = "override the template: argument, stdin or file")
    private String promptVia;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "override the template's output format: claude-stream-json, codex-json, gemini-json, generic")
    private String format;

    @Option(names = "--max-tasks", paramLabel = "N", defaultValue = "0",
            description = "exit after this many tasks (default: 0, no limit)")
    private int maxTasks;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationArgument.class, description = "how long to try to connect and join (default: 10s)")
    private Duration connectTimeout;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:AGENTBUS_TOKEN}",
            description = "the access token (default: $AGENTBUS_TOKEN)")
    private String token;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "after --: the agent's command line, replacing the template's (required for custom)")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RunEnvironment env;
        WorkerSettings settings;
        try {
            env = environment();
            settings = settings();
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            err.println("agentbus worker: " + e.getMessage());
            return USAGE;
        }
        Worker worker;
        try {
            worker = Worker.start(settings, env, line -> err.println("agentbus worker: " + line));
        } catch (AgentBusException | java.util.concurrent.CompletionException e) {
            err.println("agentbus worker: cannot join " + room + " at " + bus + ": " + e.getMessage());
            return CANNOT_CONNECT;
        }
        err.println("agentbus worker: " + settings.name() + " (" + role + ", " + agent + ") is in " + room
                + "; Ctrl-C to stop");
        Thread hook = new Thread(() -> {
            worker.close();
            Runtime.getRuntime().halt(OK);
        }, "agentbus-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        worker.finished().join();
        worker.close();
        removeHook(hook);
        return OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook is running: it closes the worker
        }
    }

    private RunEnvironment environment() {
        ProcessLauncher.checkPrerequisites();
        AgentConfig agents = config == null ? AgentConfig.builtIn() : AgentConfig.load(config);
        AgentTemplate template = agents.template(agent);
        if (!command.isEmpty()) {
            template = template.withCommand(fromHere(command));
        }
        template = template.with(promptMode(), format == null ? null : OutputFormat.of(format));
        if (template.command().isEmpty()) {
            throw new ConfigException("agent '" + agent + "' has no command: give one after --, e.g. "
                    + "agentbus worker --agent " + agent + " ... -- ./my-agent.sh");
        }
        RunLimits limits = new RunLimits(timeout, retries, backoff, grace);
        return new RunEnvironment(template, new ForbiddenOperations(agents.forbidden()), new CostLedger(costCap),
                limits, new ProcessLauncher(), new Workspaces(workspace, target), heartbeat);
    }

    /**
     * The command with its program, when given by a relative path ({@code ./my-agent.sh}), made
     * absolute from where the worker started: the agent runs in the task's workspace, where that path
     * would not lead. Other arguments are the agent's own and stay as they are.
     */
    private static List<String> fromHere(List<String> command) {
        String program = command.get(0);
        if (!program.contains("/") || Path.of(program).isAbsolute()) {
            return command;
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, Path.of(program).toAbsolutePath().normalize().toString());
        return resolved;
    }

    private PromptMode promptMode() {
        if (promptVia == null) {
            return null;
        }
        PromptMode mode = PromptMode.of(promptVia);
        if (mode == null) {
            throw new IllegalArgumentException("--prompt-via must be argument, stdin or file, not '" + promptVia + "'");
        }
        return mode;
    }

    private WorkerSettings settings() {
        if (role.isEmpty() || role.length() > 64) {
            throw new IllegalArgumentException("--role must be 1 to 64 characters");
        }
        String workerName = name != null ? name : role + "-" + ProcessHandle.current().pid();
        if (!Ids.isValid(workerName)) {
            throw new IllegalArgumentException("--name (default ROLE-PID) must be an id: letters, digits and . _ : -, "
                    + "not '" + workerName + "'");
        }
        if (!"ws".equals(bus.getScheme()) || bus.getHost() == null) {
            throw new IllegalArgumentException("--bus must be a ws:// URL such as " + DEFAULT_URL + ", not '" + bus + "'");
        }
        return new WorkerSettings(bus, token, room, workerName, role, agent, heartbeat, connectTimeout, maxTasks);
    }
}
