package io.agentbus.server;

import io.agentbus.protocol.BuildVersion;
import io.agentbus.server.auth.TokenCommand;
import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.ConfigLoader;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.agentbus.server.config.StartOptions;
import io.agentbus.server.journal.tool.JournalCommand;
import io.agentbus.server.log.LineLogging;
import io.agentbus.server.status.StatusCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of the daemon: {@code Main start [--config FILE] [--<setting> VALUE ...]}
 * loads the config, starts {@link AgentBusServer} and runs until SIGTERM or SIGINT, which close
 * it gracefully and exit with status 0. A bad config prints one line on stderr and exits with 2.
 * {@code Main journal dump|verify} reads the journal (see {@link JournalCommand}).
 * {@code Main status [--url URL]} asks a running daemon how it is ({@link StatusCommand}).
 * {@code Main token --client ID ...} mints an access token ({@link TokenCommand}).
 */
public final class Main {
    /** Exit status of a bad command line or config. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when the server fails to start or to stop. */
    public static final int EXIT_FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    private Main(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, System.getenv(), out, err));
    }

    /**
     * Runs the command line and returns the exit status; {@code start} returns only if the server
     * cannot start (a started server ends the process from its shutdown hook).
     */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        Main main = new Main(env, out, err);
        CommandLine commandLine = new CommandLine(rootSpec())
                .addSubcommand("start", new CommandLine(StartOptions.spec()))
                .addSubcommand(JournalCommand.NAME, new CommandLine(JournalCommand.spec()))
                .addSubcommand("status", new CommandLine(StatusCommand.spec()))
                .addSubcommand(TokenCommand.NAME, new CommandLine(TokenCommand.spec()))
                .setOut(out)
                .setErr(err)
                .setExecutionStrategy(main::execute)
                .setParameterExceptionHandler(main::onBadArguments);
        return commandLine.execute(args);
    }

    private static CommandSpec rootSpec() {
        CommandSpec spec = CommandSpec.create().name("agentbus").version("agentbus " + BuildVersion.VERSION);
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description("The agentbus daemon: a WebSocket message bus for teams of AI agents.");
        return spec;
    }

    private int execute(ParseResult parsed) {
        Integer helpExit = CommandLine.executeHelpRequest(parsed);
        if (helpExit != null) {
            return helpExit;
        }
        if (!parsed.hasSubcommand()) {
            parsed.commandSpec().commandLine().usage(err);
            return EXIT_USAGE;
        }
        ParseResult command = parsed.subcommand();
        if (JournalCommand.NAME.equals(command.commandSpec().name())) {
            return JournalCommand.run(command, env, out, err);
        }
        if (TokenCommand.NAME.equals(command.commandSpec().name())) {
            return new TokenCommand(env, out, err).run(command);
        }
        if (command.commandSpec().name().equals("status")) {
            return new StatusCommand(env, out, err).run(command);
        }
        return start(command);
    }

    private int onBadArguments(ParameterException e, String[] args) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        boolean journal = JournalCommand.owns(command);
        String message = command.parent() == null ? rootError(e)
                : journal ? JournalCommand.error(e)
                : command.name().equals("start") ? StartOptions.error(e).getMessage() : e.getMessage();
        err.println(command.qualifiedName() + ": " + message + "; see '" + command.qualifiedName() + " --help'");
        if (TokenCommand.owns(command)) {
            return TokenCommand.EXIT_USAGE;
        }
        return journal ? JournalCommand.EXIT_USAGE : EXIT_USAGE;
    }

    private static String rootError(ParameterException e) {
        if (e instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) e).isUnknownOption()) {
            return "unknown command '" + ((UnmatchedArgumentException) e).getUnmatched().get(0) + "'";
        }
        return e.getMessage();
    }

    private int start(ParseResult startArgs) {
        ConfigLoader loader = new ConfigLoader(env);
        ServerConfig config;
        try {
            config = loader.load(startArgs);
        } catch (ConfigException e) {
            err.println("agentbus start: " + e.getMessage());
            return EXIT_USAGE;
        }
        LineLogging.configure(config.logFormat(), config.logLevel());
        logSettings(config, loader);
        return serve(config, err);
    }

    private static void logSettings(ServerConfig config, ConfigLoader loader) {
        for (String ignored : loader.ignoredEnvironment()) {
            LOG.warn("ignoring environment variable {}: no such setting", ignored);
        }
        for (Setting s : Setting.values()) {
            String value = config.value(s);
            LOG.info("{} = {} ({})", s.key(), s.isSecret() && !value.isEmpty() ? "(hidden)" : value, loader.source(s));
        }
    }

    private static int serve(ServerConfig config, PrintWriter err) {
        AgentBusServer server;
        try {
            server = AgentBusServer.start(config);
        } catch (ConfigException e) {
            LOG.error("agentbus cannot start: {}", e.getMessage());
            err.println("agentbus start: " + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            LOG.error("agentbus failed to start", e);
            return EXIT_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server), "agentbus-shutdown"));
        LOG.info("agentbus keeps its journal and artifacts in {}", config.dataDir().toAbsolutePath().normalize());
        LOG.info("agentbus listening on {}://{}:{}/ws", config.tlsEnabled() ? "wss" : "ws", config.host(), server.port());
        awaitShutdown();
        return 0;
    }

    /** Runs in the shutdown hook: halting ends the process with 0 instead of the signal's 128+n. */
    private static void shutdown(AgentBusServer server) {
        LOG.info("agentbus shutting down");
        int status = 0;
        try {
            server.close();
            LOG.info("agentbus stopped");
        } catch (RuntimeException e) {
            LOG.error("agentbus did not shut down cleanly", e);
            status = EXIT_FAILURE;
        }
        Runtime.getRuntime().halt(status);
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
