package io.agentbus.orchestrator.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.config.OrchestratorConfig;
import io.agentbus.orchestrator.job.JobOptions;
import io.agentbus.orchestrator.job.JobReport;
import io.agentbus.orchestrator.job.JobStatus;
import io.agentbus.orchestrator.job.Orchestrator;
import io.agentbus.orchestrator.plan.Plan;
import io.agentbus.orchestrator.plan.Planner;
import io.agentbus.orchestrator.plan.RepoScanner;
import java.io.PrintWriter;
import io.agentbus.protocol.Ids;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentbus orchestrate "TASK" --room R}: plans the task and runs it as a job over the bus until it ends. */
@Command(name = "orchestrate", mixinStandardHelpOptions = true,
        description = "Plan a task, publish the plan and one assignment per subtask into a room, then drive the "
                + "job from the workers' events (reviews, decisions, budget, child jobs) until it ends; writes "
                + "FINAL_REPORT.md and final-report.json into the workspace.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every task completed", "1:the job ended otherwise (failed, escalated, stopped, budget)",
            "2:cannot connect to the bus", "64:bad command line, config file, task or --repo"})
final class OrchestrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BusOptions bus;

    @Parameters(index = "0", paramLabel = "TASK", description = "the task, in words")
    private String task;

    @Option(names = "--room", required = true, paramLabel = "ROOM", description = "the room the job runs in")
    private String room;

    @Option(names = "--repo", paramLabel = "DIR", description = "measure this directory for the plan")
    private Path repo;

    @Option(names = "--config", paramLabel = "FILE", description = "a JSON file overriding thresholds and prices")
    private Path config;

    @Option(names = "--budget-usd", paramLabel = "USD", defaultValue = "0",
            description = "the job's budget: warn at 75%%, stop every worker at 100%% (default: none)")
    private double budgetUsd;

    @Option(names = "--daily-budget-usd", paramLabel = "USD", defaultValue = "0",
            description = "the day's budget across jobs, kept in WORKSPACE/../daily-spend.json (default: none)")
    private double dailyBudgetUsd;

    @Option(names = "--max-depth", paramLabel = "N", description = "deepest child job (default: job.max_depth, 3)")
    private Integer maxDepth;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST a JSON notification here on escalation, budget stop and job end")
    private URI webhook;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "where the final report goes (default: agentbus-jobs/JOB)")
    private Path workspace;

    @Option(names = "--job-id", paramLabel = "ID", description = "the job's id (default: ROOM-TIME)")
    private String jobId;

    @Override
    public Integer call() throws InterruptedException {
        checkArguments();
        OrchestratorConfig settings = ConfigLoader.load(config);
        if (maxDepth != null) {
            settings = settings.withJob(settings.job().withMaxDepth(maxDepth));
        }
        Planner planner = new Planner(settings);
        Plan plan = planner.plan(task, repo == null ? null : new RepoScanner(settings.analysis()).scan(repo));
        String id = jobId != null ? jobId : room + "-" + Long.toString(System.currentTimeMillis(), 36);
        Path dir = workspace != null ? workspace : Path.of("agentbus-jobs", id);
        Path ledger = dir.toAbsolutePath().getParent().resolve("daily-spend.json");
        JobOptions options = new JobOptions(room, id, budgetUsd, dailyBudgetUsd, dir, ledger, webhook);
        PrintWriter err = spec.commandLine().getErr();
        try (AgentBusClient client = bus.connect("orchestrator-" + room);
             Orchestrator orchestrator = new Orchestrator(client, planner)) {
            err.printf("agentbus: job %s in room %s: %s, %d tasks for %d agents%n", id, room,
                    plan.strategy().value().wireName(), plan.assignments().size(), plan.team().members().size());
            JobReport report = orchestrator.run(plan, options).get();
            spec.commandLine().getOut().printf(Locale.ROOT, "job %s %s: tasks %s, cost $%.2f, report %s%n", id,
                    report.status().wireName(), report.taskCounts(), report.costUsd(), dir.resolve("FINAL_REPORT.md"));
            spec.commandLine().getOut().flush();
            return report.status() == JobStatus.COMPLETED ? 0 : 1;
        } catch (ExecutionException e) {
            err.println("agentbus: the job could not run: " + e.getCause().getMessage());
            return 1;
        }
    }

    private void checkArguments() {
        if (budgetUsd < 0 || dailyBudgetUsd < 0 || !Double.isFinite(budgetUsd) || !Double.isFinite(dailyBudgetUsd)) {
            throw new IllegalArgumentException("--budget-usd and --daily-budget-usd must be >= 0");
        }
        if (maxDepth != null && maxDepth < 0) {
            throw new IllegalArgumentException("--max-depth must be >= 0, not " + maxDepth);
        }
        if (!Ids.isValid(room)) {
            throw new IllegalArgumentException("--room must be an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}: " + room);
        }
        if (webhook != null && !("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))) {
            throw new IllegalArgumentException("--webhook must be an http:// or https:// URL: " + webhook);
        }
    }
}
