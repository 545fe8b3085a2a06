package io.agentbus.orchestrator.cli;

import io.agentbus.client.error.ConnectFailedException;
import io.agentbus.orchestrator.config.ConfigException;
import io.agentbus.orchestrator.worker.cli.WorkerCommand;
import io.agentbus.protocol.BuildVersion;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The launcher's entry point for the orchestration commands ({@code agentbus plan},
 * {@code orchestrate}, {@code job}, {@code worker}); each command is a picocli subcommand
 * registered in {@link #commandLine}.
 */
@Command(name = "agentbus", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Plan multi-agent jobs and run agent CLIs as workers on the bus.")
public final class Main {
    /** A bad command line, a bad config file or a bad task (sysexits {@code EX_USAGE}). */
    static final int USAGE = 64;
    /** No connection to the bus within the timeout. */
    static final int CANNOT_CONNECT = 2;
    /** An unexpected exception (sysexits {@code EX_SOFTWARE}). */
    static final int SOFTWARE = 70;
    private static final int USAGE_WIDTH = 100;
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line on these streams and returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = commandLine(out, err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new PlanCommand())
                .addSubcommand(new OrchestrateCommand())
                .addSubcommand(new JobCommand())
                .addSubcommand(new WorkerCommand())
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((e, unused) -> badCommandLine(e, err))
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e, err));
        commandLine.getCommandSpec().usageMessage().width(USAGE_WIDTH);
        for (CommandLine command : commandLine.getSubcommands().values()) {
            command.getCommandSpec().usageMessage().width(USAGE_WIDTH);
        }
        return commandLine;
    }

    private static int badCommandLine(ParameterException e, PrintStream err) {
        CommandLine command = e.getCommandLine();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        command.usage(err);
        return USAGE;
    }

    private static int failed(Exception e, PrintStream err) {
        if (e instanceof ConfigException || e instanceof IllegalArgumentException
                || e instanceof UncheckedIOException) {
            err.println("agentbus: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof ConnectFailedException) {
            err.println("agentbus: " + e.getMessage());
            return CANNOT_CONNECT;
        }
        err.println("agentbus: unexpected error: " + e);
        e.printStackTrace(err);
        return SOFTWARE;
    }

    /** {@code --version}: the version of this build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agentbus orchestrator " + BuildVersion.VERSION};
        }
    }
}
