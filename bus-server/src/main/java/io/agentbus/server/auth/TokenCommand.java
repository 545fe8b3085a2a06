package io.agentbus.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.agentbus.protocol.Ids;
import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.Setting;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code agentbus token --client ID [--rooms PATTERN=RIGHTS]... [--dm] [--ttl 24h]
 * [--secret-file F | --secret-env VAR]}: mints an HS256 token with the daemon's secret and prints
 * it on stdout (its {@code jti} and expiry on stderr, for a later revocation). A bad flag exits
 * with 64 (EX_USAGE) and one line saying what is wrong.
 */
public final class TokenCommand {
    public static final String NAME = "token";
    /** Exit status of a bad command line or an unusable secret (sysexits' EX_USAGE). */
    public static final int EXIT_USAGE = 64;
    static final Duration DEFAULT_TTL = Duration.ofHours(24);
    static final Duration MAX_TTL = Duration.ofDays(366);
    private static final String CLIENT = "--client";
    private static final String ROOMS = "--rooms";
    private static final String DM = "--dm";
    private static final String TTL = "--ttl";
    private static final String SECRET_FILE = "--secret-file";
    private static final String SECRET_ENV = "--secret-env";
    private static final String JTI = "--jti";

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    public TokenCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** A fresh spec for the {@code token} command. */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(NAME);
        spec.usageMessage().width(110).description(
                "Mints an HS256 access token signed with the daemon's secret and prints it.",
                "Rights per room pattern (a room id, a prefix ending in '*', or '*'): sub (join, read),",
                "pub (publish, propose, vote, artifacts), admin (reserved); --dm allows direct messages.",
                "Exit status: 0 printed; 64 bad flags or unusable secret.");
        spec.addOption(option(CLIENT, "ID", "the client id the token is for (its 'sub'; hello must use it)"));
        spec.addOption(OptionSpec.builder(ROOMS).paramLabel("PATTERN=RIGHTS").type(String[].class).arity("1")
                .description("rights in matching rooms, e.g. 'build-*=sub,pub' or '*=sub'; repeatable").build());
        spec.addOption(OptionSpec.builder(DM).arity("0").type(boolean.class)
                .description("allow direct messages (send)").build());
        spec.addOption(option(TTL, "DURATION", "how long it is valid: 90s, 30m, 24h, 7d (default 24h, at most 366d)"));
        spec.addOption(option(SECRET_FILE, "FILE", "file holding the secret (default: $"
                + Setting.AUTH_SECRET_FILE.envName() + ")"));
        spec.addOption(option(SECRET_ENV, "VAR", "environment variable holding the secret (default: "
                + Setting.AUTH_SECRET.envName() + ")"));
        spec.addOption(option(JTI, "ID", "the token id to revoke it by (default: a random UUID)"));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit").build());
        return spec;
    }

    private static OptionSpec option(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).arity("1").description(description)
                .build();
    }

    /** Whether a parse error belongs to this command (it exits with {@link #EXIT_USAGE}). */
    public static boolean owns(CommandSpec command) {
        return NAME.equals(command.name()) && command.parent() != null;
    }

    /** Runs a parsed {@code token} command line; returns the exit status. */
    public int run(ParseResult parsed) {
        String token;
        try {
            token = mint(parsed, Instant.now());
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("agentbus token: " + e.getMessage() + "; see 'agentbus token --help'");
            return EXIT_USAGE;
        }
        out.println(token);
        return 0;
    }

    private String mint(ParseResult parsed, Instant now) {
        String client = parsed.matchedOptionValue(CLIENT, (String) null);
        if (client == null) {
            throw new IllegalArgumentException(CLIENT + " is required");
        }
        if (!Ids.isValid(client)) {
            throw new IllegalArgumentException(CLIENT + " '" + client + "' is not a client id ("
                    + "[A-Za-z0-9][A-Za-z0-9._:-]{0,127})");
        }
        Map<String, List<String>> rooms = rooms(parsed.matchedOptionValue(ROOMS, new String[0]));
        boolean dm = parsed.hasMatchedOption(DM);
        Duration ttl = ttl(parsed.matchedOptionValue(TTL, (String) null));
        String jti = parsed.matchedOptionValue(JTI, UUID.randomUUID().toString());
        if (jti.isBlank()) {
            throw new IllegalArgumentException(JTI + " must not be empty");
        }
        Instant expires = now.plus(ttl);
        JWTCreator.Builder builder = JWT.create().withSubject(client).withJWTId(jti).withIssuedAt(now)
                .withExpiresAt(expires).withClaim(Claims.ROOMS, rooms);
        if (dm) {
            builder.withClaim(Claims.DIRECT_MESSAGES, true);
        }
        String token = builder.sign(Algorithm.HMAC256(secret(parsed)));
        err.println("agentbus token: for " + client + ", jti " + jti + ", expires " + expires);
        return token;
    }

    /** {@code build-*=sub,pub} options as pattern → rights, each checked. */
    static Map<String, List<String>> rooms(String[] specs) {
        Map<String, List<String>> rooms = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException(ROOMS + " '" + spec + "' must be PATTERN=RIGHTS, e.g. 'build-*=sub,pub'");
            }
            String pattern = Grants.checkPattern(spec.substring(0, eq));
            List<String> rights = new ArrayList<>(Arrays.asList(spec.substring(eq + 1).split(",", -1)));
            Grants.of(Map.of(pattern, rights), false);
            rooms.merge(pattern, rights, (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            });
        }
        return rooms;
    }

    /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}. */
    static Duration ttl(String text) {
        if (text == null) {
            return DEFAULT_TTL;
        }
        String rule = TTL + " must be a whole number with a unit s, m, h or d (e.g. 24h), not '" + text + "'";
        if (text.length() < 2 || "smhd".indexOf(text.charAt(text.length() - 1)) < 0) {
            throw new IllegalArgumentException(rule);
        }
        long n;
        try {
            n = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule);
        }
        long unitS = switch (text.charAt(text.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> 86_400;
        };
        if (n < 1 || n > MAX_TTL.toSeconds() / unitS) {
            throw new IllegalArgumentException(TTL + " must be between 1s and " + MAX_TTL.toDays() + "d, not '" + text + "'");
        }
        return Duration.ofSeconds(n * unitS);
    }

    private byte[] secret(ParseResult parsed) {
        String file = parsed.matchedOptionValue(SECRET_FILE, (String) null);
        String var = parsed.matchedOptionValue(SECRET_ENV, (String) null);
        if (file != null && var != null) {
            throw new IllegalArgumentException("give " + SECRET_FILE + " or " + SECRET_ENV + ", not both");
        }
        if (var != null) {
            return fromEnv(var, SECRET_ENV + " " + var);
        }
        if (file == null) {
            file = env.get(Setting.AUTH_SECRET_FILE.envName());
        }
        if (file != null) {
            return KeyFiles.secretFile(path(file), SECRET_FILE);
        }
        if (env.containsKey(Setting.AUTH_SECRET.envName())) {
            return fromEnv(Setting.AUTH_SECRET.envName(), "$" + Setting.AUTH_SECRET.envName());
        }
        throw new IllegalArgumentException("no secret: give " + SECRET_FILE + " FILE or " + SECRET_ENV + " VAR (or set "
                + Setting.AUTH_SECRET_FILE.envName() + " or " + Setting.AUTH_SECRET.envName() + ")");
    }

    private byte[] fromEnv(String var, String where) {
        String value = env.get(var);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": the variable is not set or empty");
        }
        return KeyFiles.secret(value.strip(), where);
    }

    private static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(SECRET_FILE + " '" + file + "' is not a valid path");
        }
    }
}
