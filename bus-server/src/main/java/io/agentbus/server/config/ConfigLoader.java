package io.agentbus.server.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the {@link ServerConfig} the daemon runs with from, in increasing precedence: the
 * defaults in {@link Setting}, a config file ({@code --config FILE}, {@code key=value} lines),
 * {@code AGENTBUS_*} environment variables and command-line flags. It remembers where each value
 * came from, for the startup log and for errors: every {@link ConfigException} names the setting,
 * its source (file:line, environment variable or flag) and the bad value.
 *
 * <p>One loader loads once; the environment is a parameter so tests can pass their own.
 */
public final class ConfigLoader {
    private static final String ENV_PREFIX = "AGENTBUS_";
    /** Read by {@code bin/agentbus} itself, not settings. */
    private static final Set<String> LAUNCHER_ENV = Set.of("AGENTBUS_HOME", "AGENTBUS_OPTS", "AGENTBUS_JAVA");
    private static final String DEFAULT_SOURCE = "default";

    private final Map<String, String> env;
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final Map<Setting, String> sources = new EnumMap<>(Setting.class);
    private final List<String> ignoredEnv = new ArrayList<>();

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Loads from the arguments of {@code agentbus start} (without the word {@code start}).
     *
     * @throws ConfigException for a bad flag, config file or value
     */
    public ServerConfig load(List<String> args) {
        ParseResult parsed;
        try {
            parsed = new CommandLine(StartOptions.spec()).parseArgs(args.toArray(new String[0]));
        } catch (ParameterException e) {
            throw StartOptions.error(e);
        }
        return load(parsed);
    }

    /**
     * Loads from a command line already parsed against {@link StartOptions#spec()}.
     *
     * @throws ConfigException for a bad config file or value
     */
    public ServerConfig load(ParseResult start) {
        String file = StartOptions.configFile(start);
        if (file != null) {
            readFile(file);
        }
        readEnv();
        readFlags(StartOptions.flagValues(start));
        return build();
    }

    /** Where the resolved value of a setting came from: a flag, a variable, file:line or "default". */
    public String source(Setting setting) {
        return sources.getOrDefault(setting, DEFAULT_SOURCE);
    }

    /** {@code AGENTBUS_*} variables that name no setting, each with a hint when one is close. */
    public List<String> ignoredEnvironment() {
        return List.copyOf(ignoredEnv);
    }

    private void readFile(String name) {
        Path file = configPath(name);
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            readLine(lines.get(i).trim(), file + ":" + (i + 1));
        }
    }

    private static Path configPath(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new ConfigException("config file '" + name + "' is not a valid path (from flag "
                    + StartOptions.CONFIG_FLAG + ")");
        }
    }

    private static List<String> readLines(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + file + " is a directory, not a file (from flag "
                    + StartOptions.CONFIG_FLAG + ")");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist (from flag " + StartOptions.CONFIG_FLAG + ")");
        } catch (AccessDeniedException e) {
            throw new ConfigException("config file " + file + " cannot be read: permission denied");
        } catch (MalformedInputException e) {
            throw new ConfigException("config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private void readLine(String line, String where) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(where + ": expected key=value, not '" + line + "'");
        }
        String key = line.substring(0, eq).trim();
        Setting setting = Setting.fromKey(key);
        if (setting == null) {
            throw new ConfigException(where + ": unknown setting '" + key + "'" + DidYouMean.hint(key, keys()));
        }
        put(setting, line.substring(eq + 1).trim(), where);
    }

    private void readEnv() {
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (name.startsWith(ENV_PREFIX) && !LAUNCHER_ENV.contains(name)) {
                readEnvVariable(name, e.getValue());
            }
        }
    }

    private void readEnvVariable(String name, String value) {
        for (Setting s : Setting.values()) {
            if (s.envName().equals(name)) {
                put(s, value.trim(), "environment variable " + name);
                return;
            }
        }
        ignoredEnv.add(name + DidYouMean.hint(name, envNames()));
    }

    private void readFlags(Map<Setting, String> flags) {
        for (Map.Entry<Setting, String> e : flags.entrySet()) {
            put(e.getKey(), e.getValue().trim(), "flag " + e.getKey().flag());
        }
    }

    private void put(Setting setting, String value, String source) {
        if (value.isEmpty()) {
            throw new ConfigException(setting.key() + " has an empty value (from " + source + ")");
        }
        values.put(setting, value);
        sources.put(setting, source);
    }

    private ServerConfig build() {
        try {
            return ServerConfig.fromValues(values);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (" + sourcesNamedIn(e.getMessage()) + ")");
        }
    }

    /** The sources of the settings an error message names, e.g. "port from flag --port". */
    private String sourcesNamedIn(String message) {
        StringBuilder named = new StringBuilder();
        for (String word : message.split("[\\s,]+")) {
            Setting s = Setting.fromKey(word);
            if (s != null && named.indexOf(s.key() + " from ") < 0) {
                named.append(named.length() == 0 ? "" : "; ").append(s.key()).append(" from ").append(source(s));
            }
        }
        return named.toString();
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Setting s : Setting.values()) {
            keys.add(s.key());
        }
        return keys;
    }

    private static List<String> envNames() {
        List<String> names = new ArrayList<>();
        for (Setting s : Setting.values()) {
            names.add(s.envName());
        }
        return names;
    }
}
