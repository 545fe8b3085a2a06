package io.agentbus.orchestrator.cli;

import io.agentbus.orchestrator.worker.cli.WorkerCommand;
import io.agentbus.protocol.BuildVersion;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The launcher's entry point for the orchestration commands ({@code agentbus plan},
 * {@code orchestrate}, {@code job}, {@code worker}); each command is a picocli subcommand
 * registered in {@link #commandLine}.
 */
@Command(name = "agentbus", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Plan multi-agent jobs and run agent CLIs as workers on the bus.")
public final class Main {
    private static final int USAGE_WIDTH = 100;
    /** Exit status of a bad command line (sysexits EX_USAGE), as the client CLI's. */
    static final int USAGE_ERROR = 64;
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    /** Runs the command line and exits with its status; the bus client library logs warnings only. */
    public static void main(String[] args) {
        if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new WorkerCommand())
                .setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler(Main::badCommandLine);
        commandLine.getCommandSpec().usageMessage().width(USAGE_WIDTH);
        return commandLine;
    }

    /** A bad command line: the problem and the command's usage on stderr, exit 64 (as the client CLI). */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        command.usage(command.getErr());
        return USAGE_ERROR;
    }

    /** {@code --version}: the version of this build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agentbus orchestrator " + BuildVersion.VERSION};
        }
    }
}
