package io.agentbus.server.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of {@code agentbus start}, generated from {@link Setting}: one
 * {@code --flag VALUE} per setting plus {@code --config FILE}, so a new setting shows up in
 * {@code --help} and is accepted as a flag without touching this class.
 */
public final class StartOptions {
    /** The flag naming a config file. */
    public static final String CONFIG_FLAG = "--config";

    private static final String HELP_FLAG = "--help";

    private StartOptions() {
    }

    /** A fresh spec for the {@code start} command (picocli specs hold parsed values: one per parse). */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("start");
        spec.parser().overwrittenOptionsAllowed(true);
        spec.usageMessage()
                .customSynopsis("agentbus start [--config FILE] [--<setting> VALUE]...")
                .sortOptions(false)
                .description("Starts the daemon in the foreground; SIGTERM or SIGINT shut it down gracefully.")
                .footer("", "In a config file a setting's key is its flag without '--' and with '.' for '-'",
                        "(max.frame.bytes=2097152). Precedence, lowest first: defaults, the config file,",
                        "AGENTBUS_* environment variables, flags.",
                        "", "Cluster mode: --cluster-redis redis://HOST:PORT makes this node one of several serving the",
                        "same rooms, linked through that Redis (Debian: apt-get install redis-server); give each node",
                        "its own --port and --data-dir. Without it the node runs alone and needs nothing else.",
                        "See README.md, Running a cluster.")
                .width(110);
        spec.addOption(OptionSpec.builder(CONFIG_FLAG).paramLabel("FILE").type(String.class)
                .description("read settings from this file: key=value lines, '#' comments").build());
        spec.addOption(OptionSpec.builder("-h", HELP_FLAG).usageHelp(true)
                .description("show this help and exit").build());
        for (Setting s : Setting.values()) {
            spec.addOption(settingOption(s));
        }
        return spec;
    }

    /** The config file named on the command line, or {@code null}. */
    public static String configFile(ParseResult start) {
        OptionSpec option = start.matchedOption(CONFIG_FLAG);
        return option == null ? null : option.getValue();
    }

    /** The settings given as flags, each with the last value given. */
    public static Map<Setting, String> flagValues(ParseResult start) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            OptionSpec option = start.matchedOption(s.flag());
            if (option != null) {
                values.put(s, option.getValue());
            }
        }
        return values;
    }

    /** A parse error of the command line as one clear sentence. */
    public static ConfigException error(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            return unmatched((UnmatchedArgumentException) e);
        }
        if (e instanceof MissingParameterException) {
            return missingValue((MissingParameterException) e);
        }
        return new ConfigException(e.getMessage());
    }

    private static OptionSpec settingOption(Setting s) {
        return OptionSpec.builder(s.flag())
                .paramLabel("VALUE")
                .type(String.class)
                .arity("1")
                .description(escape(s.description()),
                        "env " + s.envName() + ", default " + escape(s.defaultValue()))
                .build();
    }

    private static String escape(String text) {
        return text.replace("%", "%%");
    }

    private static ConfigException unmatched(UnmatchedArgumentException e) {
        String arg = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
        if (!arg.startsWith("-")) {
            return new ConfigException("unexpected argument '" + arg + "'; settings are given as --flag VALUE");
        }
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        return new ConfigException("unknown flag " + name + DidYouMean.hint(name, flags(e.getCommandLine().getCommandSpec())));
    }

    private static ConfigException missingValue(MissingParameterException e) {
        String flag = e.getMissing().isEmpty() ? "?" : ((OptionSpec) e.getMissing().get(0)).longestName();
        return new ConfigException("flag " + flag + " needs a value, e.g. " + flag + " VALUE or " + flag + "=VALUE");
    }

    private static List<String> flags(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            names.add(option.longestName());
        }
        return names;
    }
}
