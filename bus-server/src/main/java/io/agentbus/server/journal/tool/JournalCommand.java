package io.agentbus.server.journal.tool;

import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.agentbus.server.journal.JournalReader;
import io.agentbus.server.journal.NoJournalException;
import io.agentbus.server.log.LineLogging;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of {@code agentbus journal dump [--data-dir DIR] [--room ROOM] [--since N]}
 * and {@code agentbus journal verify [--data-dir DIR]}. Exit statuses follow sysexits.h:
 * {@link #EXIT_OK}, {@link #EXIT_PROBLEMS} (verify found problems), {@link #EXIT_USAGE},
 * {@link #EXIT_NO_INPUT} (no journal there), {@link #EXIT_IO_ERROR}.
 */
public final class JournalCommand {
    public static final String NAME = "journal";
    public static final int EXIT_OK = 0;
    public static final int EXIT_PROBLEMS = 1;
    /** EX_USAGE: a bad command line. */
    public static final int EXIT_USAGE = 64;
    /** EX_NOINPUT: the journal directory is missing or holds no journal. */
    public static final int EXIT_NO_INPUT = 66;
    /** EX_IOERR: the journal could not be read. */
    public static final int EXIT_IO_ERROR = 74;

    static final String DUMP = "dump";
    static final String VERIFY = "verify";
    private static final String DATA_DIR_FLAG = Setting.DATA_DIR.flag();
    private static final String ROOM_FLAG = "--room";
    private static final String SINCE_FLAG = "--since";
    /** slf4j-simple's level for Chronicle's loggers. */

    private JournalCommand() {
    }

    /** A fresh spec for {@code journal} and its subcommands (picocli specs hold parsed values). */
    public static CommandSpec spec() {
        CommandSpec journal = command(NAME, "Reads the daemon's journal (DATA/journal) without changing it; "
                + "works while the daemon runs.");
        journal.usageMessage().customSynopsis("agentbus journal (dump | verify) [OPTIONS]");
        CommandSpec dump = command(DUMP, "Prints the journal's entries as JSON lines, oldest first; "
                + "undecodable entries as {\"kind\":\"corrupt\",...} whatever the filters.");
        dump.addOption(option(ROOM_FLAG, "ROOM", String.class, "only this room's entries"));
        dump.addOption(option(SINCE_FLAG, "N", long.class,
                "only messages (room or direct) with an offset above N"));
        CommandSpec verify = command(VERIFY, "Checks that every entry decodes and that each room's and inbox's "
                + "offsets are contiguous; exits 0 when clean, 1 when problems were found.");
        journal.addSubcommand(DUMP, dump);
        journal.addSubcommand(VERIFY, verify);
        return journal;
    }

    /** Runs {@code journal}'s parsed command line and returns the exit status. */
    public static int run(ParseResult journal, Map<String, String> env, PrintWriter out, PrintWriter err) {
        if (!journal.hasSubcommand()) {
            journal.commandSpec().commandLine().usage(err);
            return EXIT_USAGE;
        }
        ParseResult command = journal.subcommand();
        String name = command.commandSpec().name();
        long since = command.matchedOptionValue(SINCE_FLAG, -1L);
        if (command.hasMatchedOption(SINCE_FLAG) && since < 0) {
            err.println("agentbus journal " + name + ": " + SINCE_FLAG + " must be 0 or more, got " + since
                    + "; see 'agentbus journal " + name + " --help'");
            return EXIT_USAGE;
        }
        Path journalDir = journalDir(command, env);
        quietChronicle();
        try (JournalReader reader = JournalReader.open(journalDir)) {
            if (DUMP.equals(name)) {
                new JournalDump(new EntryFilter(command.matchedOptionValue(ROOM_FLAG, null), since), out).run(reader);
                return EXIT_OK;
            }
            return verify(reader, journalDir, out);
        } catch (NoJournalException e) {
            err.println("agentbus journal " + name + ": " + e.getMessage());
            return EXIT_NO_INPUT;
        } catch (RuntimeException e) { // Chronicle reports an unreadable file unchecked
            err.println("agentbus journal " + name + ": cannot read the journal in " + journalDir + ": " + e);
            return EXIT_IO_ERROR;
        }
    }

    /** A parse error of {@code journal}'s command line as one clear sentence. */
    public static String error(ParameterException e) {
        CommandSpec command = e.getCommandLine().getCommandSpec();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (!arg.startsWith("-")) {
                return NAME.equals(command.name()) ? "unknown command '" + arg + "'; the commands are dump and verify"
                        : "unexpected argument '" + arg + "'";
            }
            return "unknown flag " + (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        }
        if (e.getCause() instanceof TypeConversionException && e.getArgSpec() instanceof OptionSpec option) {
            return "flag " + option.longestName() + " needs a whole number, got '" + e.getValue() + "'";
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec option) {
            return "flag " + option.longestName() + " needs a value";
        }
        return e.getMessage();
    }

    /** Whether {@code command} is {@code journal} or one of its subcommands. */
    public static boolean owns(CommandSpec command) {
        for (CommandSpec c = command; c != null; c = c.parent()) {
            if (NAME.equals(c.name()) && c.parent() != null && c.parent().parent() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Chronicle logs at INFO (and warns that the roll cycle comes from the journal's metadata) on
     * every open: noise for a tool whose output is its point. Errors still show, on stderr.
     */
    private static void quietChronicle() {
        LineLogging.forTool();
    }

    private static int verify(JournalReader reader, Path journalDir, PrintWriter out) {
        VerifyReport report = new JournalVerifier().run(reader);
        out.println("journal: " + journalDir.toAbsolutePath().normalize());
        report.print(out);
        out.flush();
        return report.clean() ? EXIT_OK : EXIT_PROBLEMS;
    }

    /** {@code --data-dir}, else {@code AGENTBUS_DATA_DIR}, else the daemon's default, as {@code start} has it. */
    private static Path journalDir(ParseResult command, Map<String, String> env) {
        String dataDir = command.matchedOptionValue(DATA_DIR_FLAG,
                env.getOrDefault(Setting.DATA_DIR.envName(), Setting.DATA_DIR.defaultValue()));
        return ServerConfig.builder().dataDir(Path.of(dataDir)).build().journalDir();
    }

    private static CommandSpec command(String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(description).width(100);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit")
                .build());
        if (!NAME.equals(name)) {
            spec.addOption(option(DATA_DIR_FLAG, "DIR", String.class, "the daemon's data directory; env "
                    + Setting.DATA_DIR.envName() + ", default " + Setting.DATA_DIR.defaultValue()));
        }
        return spec;
    }

    private static OptionSpec option(String flag, String label, Class<?> type, String description) {
        return OptionSpec.builder(flag).paramLabel(label).type(type).arity("1").description(description).build();
    }
}
