package io.agentbus.orchestrator.cli;

import io.agentbus.orchestrator.config.ConfigLoader;
import io.agentbus.orchestrator.plan.Plan;
import io.agentbus.orchestrator.plan.PlanJson;
import io.agentbus.orchestrator.plan.PlanTable;
import io.agentbus.orchestrator.plan.Planner;
import io.agentbus.orchestrator.plan.RepoFacts;
import io.agentbus.orchestrator.plan.RepoScanner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentbus plan "TASK" [--repo DIR] [--json] [--config FILE]}: prints a plan, no bus needed. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Analyse a task and print the team plan: strategy, roles, models, planning mode, cost, "
                + "assignments, each with its reason. Needs no bus.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the plan was printed", "64:bad command line, config file, task or --repo"})
final class PlanCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "the task, in words; e.g. \"Build a REST API with "
            + "auth, users and orders (25 files)\"")
    private String task;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "measure this directory (source files, lines of code, languages, tests)")
    private Path repo;

    @Option(names = "--json", description = "print the plan as JSON instead of a table")
    private boolean json;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a JSON file whose fields override the built-in thresholds and prices")
    private Path config;

    @Override
    public Integer call() {
        Plan plan = plan(task, repo, config);
        spec.commandLine().getOut().print(json ? PlanJson.toText(plan) + System.lineSeparator()
                : PlanTable.render(plan));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The plan of {@code task}, measured against {@code repo} if given, with the config of {@code config}. */
    static Plan plan(String task, Path repo, Path config) {
        Planner planner = new Planner(ConfigLoader.load(config));
        RepoFacts facts = repo == null ? null : new RepoScanner(planner.config().analysis()).scan(repo);
        return planner.plan(task, facts);
    }
}
