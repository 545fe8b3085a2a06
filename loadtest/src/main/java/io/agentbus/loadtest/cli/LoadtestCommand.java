package io.agentbus.loadtest.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
 * {@code agentbus loadtest SCENARIO [flags]}. {@link #main} runs {@link #run} on the process's
 * streams and exits with its status; tests call {@link #run} in-process.
 */
@Command(name = "agentbus loadtest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Drives open-loop load against agentbus (or nats-server, or a bare Netty broadcast server) "
                + "and reports coordinated-omission corrected latency percentiles, throughput, loss and duplicates.",
            "Scenarios: fanout, rooms, dm, connect, ramp. See 'agentbus loadtest SCENARIO --help'."},
        footerHeading = "%nOutputs:%n", footer = {
            "  the table on stdout; a progress line every second on stderr; in --out DIR: results.json,",
            "  latency.hlog (HdrHistogram interval log), plot.html and plot.png (with headless Chromium).",
            "See loadtest/README.md for the JSON fields and how latency is measured."})
public final class LoadtestCommand implements Callable<Integer> {
    private static final int USAGE_WIDTH = 110;

    private final Streams streams;

    @Spec
    private CommandSpec spec;

    private LoadtestCommand(Streams streams) {
        this.streams = streams;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.console() != null));
    }

    /** Runs one command line and returns its exit status (see {@link ExitCode}). */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Streams streams = new Streams(out, err, terminal);
        CommandLine commandLine = new CommandLine(new LoadtestCommand(streams))
                .addSubcommand(new FanoutCommand(streams))
                .addSubcommand(new RoomsCommand(streams))
                .addSubcommand(new DmCommand(streams))
                .addSubcommand(new ConnectCommand(streams))
                .addSubcommand(new RampCommand(streams))
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

    /** Without a scenario: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(streams.err());
        return ExitCode.USAGE;
    }

    private static int badCommandLine(ParameterException e, PrintStream err) {
        CommandLine command = e.getCommandLine();
        err.println(command.getCommandSpec().qualifiedName() + ": " + problem(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCode.USAGE;
    }

    /** picocli's message, but "unknown scenario" for a word in the place of the scenario. */
    private static String problem(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && e.getCommandLine().getCommandSpec().parent() == null) {
            return "unknown scenario '" + unmatched.getUnmatched().get(0) + "' (fanout, rooms, dm, connect, ramp)";
        }
        return e.getMessage();
    }

    private static int failed(Exception e, PrintStream err) {
        err.println("agentbus loadtest: unexpected error: " + e);
        e.printStackTrace(err);
        return ExitCode.SOFTWARE;
    }
}
