package io.agentbus.benchmarks.bare;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of {@link BareBroadcastServer}: where to listen and how many event loops. */
@Command(name = BareServerOptions.NAME, sortOptions = false,
        description = "A bare Netty WebSocket broadcast server: every text message any client sends to /ws is"
                + " written to every open connection, the sender included. Prints 'listening on"
                + " ws://HOST:PORT/ws' when ready; stops on SIGTERM.")
public final class BareServerOptions {
    static final String NAME = "bare-broadcast-server";
    /** Exit status after --help. */
    public static final int EXIT_OK = 0;
    /** Exit status of a bad command line. */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7080",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "event loop threads, 0 for Netty's default of twice the cores (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    private boolean help;

    private BareServerOptions() {
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public int threads() {
        return threads;
    }

    /**
     * Parses the command line. Help goes to {@code out}; a bad flag or value gets one line on
     * {@code err} that names it.
     */
    public static Parsed parse(String[] args, PrintWriter out, PrintWriter err) {
        BareServerOptions options = new BareServerOptions();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                return new Parsed(null, EXIT_OK);
            }
            options.validate(commandLine);
            return new Parsed(options, EXIT_OK);
        } catch (ParameterException e) {
            err.println(NAME + ": " + e.getMessage() + "; see '" + NAME + " --help'");
            return new Parsed(null, EXIT_USAGE);
        }
    }

    private void validate(CommandLine commandLine) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(commandLine, "--port must be between 0 and 65535, not " + port);
        }
        if (threads < 0) {
            throw new ParameterException(commandLine, "--threads must be 0 or more, not " + threads);
        }
        if (host.isBlank()) {
            throw new ParameterException(commandLine, "--host must not be empty");
        }
    }

    /**
     * What the command line asks for.
     *
     * @param options    the options to run with, or {@code null} when the process should exit
     * @param exitStatus the status to exit with when {@code options} is {@code null}
     */
    public record Parsed(BareServerOptions options, int exitStatus) {
    }
}
