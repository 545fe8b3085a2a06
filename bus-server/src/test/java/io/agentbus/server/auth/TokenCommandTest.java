package io.agentbus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.agentbus.server.Main;
import io.agentbus.server.it.TestTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentbus token}: what it mints, and exit 64 with one clear line for every bad flag. */
class TokenCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldMintAVerifiableTokenWithTheClaimsAsked() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), TestTokens.SECRET + "\n");
        assertEquals(0, run(Map.of(), "token", "--client", "coder-1", "--rooms", "build-*=sub,pub", "--rooms", "ci=sub",
                "--dm", "--ttl", "2h", "--secret-file", secret.toString(), "--jti", "t-1"), err.toString());
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(TestTokens.SECRET)).build().verify(out.toString().strip());
        assertEquals("coder-1", jwt.getSubject());
        assertEquals("t-1", jwt.getId());
        assertEquals(Map.of("build-*", List.of("sub", "pub"), "ci", List.of("sub")), jwt.getClaim("rooms").asMap());
        assertEquals(Boolean.TRUE, jwt.getClaim("dm").asBoolean());
        long ttlS = Duration.between(Instant.now(), jwt.getExpiresAtAsInstant()).toSeconds();
        assertTrue(ttlS > 7100 && ttlS <= 7200, "ttl " + ttlS);
        assertTrue(err.toString().contains("jti t-1"), err.toString());
    }

    @Test
    void shouldTakeTheSecretFromTheNamedVariableOrTheDaemonsOwn() {
        assertEquals(0, run(Map.of("MY_SECRET", TestTokens.SECRET), "token", "--client", "a", "--secret-env", "MY_SECRET"));
        assertEquals("a", JWT.require(Algorithm.HMAC256(TestTokens.SECRET)).build().verify(out.toString().strip())
                .getSubject());
        assertEquals(0, run(Map.of("AGENTBUS_AUTH_SECRET", TestTokens.SECRET), "token", "--client", "b"));
    }

    @Test
    void shouldExit64WithAClearMessageForBadFlags() throws Exception {
        Map<String, String> env = Map.of("S", TestTokens.SECRET, "SHORT", "abc");
        Path missing = dir.resolve("missing");
        Map<List<String>, String> cases = Map.ofEntries(
                Map.entry(List.of("--secret-env", "S"), "--client is required"),
                Map.entry(List.of("--client", "bad id", "--secret-env", "S"), "--client 'bad id' is not a client id"),
                Map.entry(List.of("--client", "a", "--rooms", "build-*", "--secret-env", "S"),
                        "--rooms 'build-*' must be PATTERN=RIGHTS"),
                Map.entry(List.of("--client", "a", "--rooms", "x=read", "--secret-env", "S"), "unknown right 'read'"),
                Map.entry(List.of("--client", "a", "--rooms", "a*b=sub", "--secret-env", "S"), "room pattern 'a*b'"),
                Map.entry(List.of("--client", "a", "--ttl", "24", "--secret-env", "S"),
                        "--ttl must be a whole number with a unit s, m, h or d (e.g. 24h), not '24'"),
                Map.entry(List.of("--client", "a", "--ttl", "400d", "--secret-env", "S"),
                        "--ttl must be between 1s and 366d, not '400d'"),
                Map.entry(List.of("--client", "a"), "no secret: give --secret-file FILE or --secret-env VAR"),
                Map.entry(List.of("--client", "a", "--secret-env", "NOPE"), "--secret-env NOPE: the variable is not set"),
                Map.entry(List.of("--client", "a", "--secret-env", "SHORT"), "--secret-env SHORT is too short for HS256"),
                Map.entry(List.of("--client", "a", "--secret-file", missing.toString()),
                        "--secret-file " + missing + " does not exist"),
                Map.entry(List.of("--client", "a", "--secret-env", "S", "--secret-file", "f"), "not both"),
                Map.entry(List.of("--client", "a", "--secret-env", "S", "--nope"), "Unknown option: '--nope'"),
                Map.entry(List.of("--client"), "Missing required parameter for option '--client'"));
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            err.getBuffer().setLength(0);
            out.getBuffer().setLength(0);
            String[] args = new String[c.getKey().size() + 1];
            args[0] = "token";
            for (int i = 0; i < c.getKey().size(); i++) {
                args[i + 1] = c.getKey().get(i);
            }
            assertEquals(TokenCommand.EXIT_USAGE, run(env, args), c.getKey() + ": " + err);
            assertTrue(err.toString().contains(c.getValue()), c.getKey() + ": expected '" + c.getValue() + "' in " + err);
            assertEquals("", out.toString(), "no token printed for " + c.getKey());
        }
    }
}
