package io.agentbus.orchestrator.cli;

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

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        commandLine.getCommandSpec().usageMessage().width(USAGE_WIDTH);
        return commandLine;
    }

    /** {@code --version}: the version of this build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agentbus orchestrator " + BuildVersion.VERSION};
        }
    }
}
