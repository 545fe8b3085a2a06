package io.agentbus.client.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command-line client: {@code agentbus send|tail|history|rooms}, each command a class of
 * its own. {@link #main} runs {@link #run} on the process's streams (UTF-8) and exits with its
 * status; tests call {@link #run} in-process.
 */
@Command(name = "agentbus", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The agentbus command-line client: publish into rooms, follow them, read their history.",
        footerHeading = "%nEnvironment:%n", footer = {
            "  AGENTBUS_URL     the server, or a cluster's nodes separated by commas (default ws://127.0.0.1:7070/ws)",
            "  AGENTBUS_CLIENT  the client id (default: the token's subject, else cli-USER-PID)",
            "  AGENTBUS_TOKEN   the access token",
            "See 'agentbus COMMAND --help' for a command's options and examples.",
        })
public final class Cli implements Callable<Integer> {
    private static final int USAGE_WIDTH = 100;
    private static final String SIMPLE_LOGGER_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private final StandardStreams streams;

    @Spec
    private CommandSpec spec;

    private Cli(StandardStreams streams) {
        this.streams = streams;
    }

    /** Runs the command line and exits with its status; the client library logs warnings only. */
    public static void main(String[] args) {
        if (System.getProperty(SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SIMPLE_LOGGER_LEVEL, "warn");
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.in));
    }

    /**
     * Runs one command line and returns its exit status: 0 done, 1 the server refused a request,
     * 2 cannot connect, 64 a bad command line (see {@link ExitCode}). {@code tail} returns only
     * if the server refuses it for good; a signal ends the process from a shutdown hook.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        StandardStreams streams = new StandardStreams(out, err, in);
        CommandLine commandLine = new CommandLine(new Cli(streams))
                .addSubcommand(new SendCommand(streams))
                .addSubcommand(new TailCommand(streams))
                .addSubcommand(new HistoryCommand(streams))
                .addSubcommand(new RoomsCommand(streams))
                .setExpandAtFiles(false)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((e, unused) -> badCommandLine(e, err))
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e, err));
        commandLine.getCommandSpec().usageMessage().width(USAGE_WIDTH);
        for (CommandLine command : commandLine.getSubcommands().values()) {
            command.getCommandSpec().usageMessage().width(USAGE_WIDTH).exitCodeListHeading("%nExit status:%n")
                    .exitCodeList(ExitCode.help());
        }
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
        }
    }

    /** Without a command: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(streams.err());
        return ExitCode.USAGE;
    }

    private static int badCommandLine(ParameterException e, PrintStream err) {
        CommandLine command = e.getCommandLine();
        err.println(command.getCommandSpec().qualifiedName() + ": " + problem(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return ExitCode.USAGE;
    }

    /** picocli's message, but "unknown command" for a word in the place of the command. */
    private static String problem(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && e.getCommandLine().getCommandSpec().parent() == null) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        }
        return e.getMessage();
    }

    private static int failed(Exception e, PrintStream err) {
        Failure failure = Failure.of(e);
        if (failure == null) {
            err.println("agentbus: unexpected error: " + e);
            e.printStackTrace(err);
            return ExitCode.SOFTWARE;
        }
        failure.report(err, null);
        return failure.exitCode();
    }
}
