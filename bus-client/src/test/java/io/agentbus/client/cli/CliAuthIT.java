package io.agentbus.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.error.ClientClosedException;
import io.agentbus.client.error.ConnectFailedException;
import io.agentbus.client.error.UnauthenticatedException;
import io.agentbus.client.it.LiveServer;
import io.agentbus.server.config.Setting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line and Java clients against a daemon that verifies tokens: the token goes in
 * {@code hello} and in the REST {@code Authorization} header, and names the client by default.
 */
class CliAuthIT {
    private static final String SECRET = "cli-auth-it-secret-of-32-bytes!!";

    @TempDir
    static Path dataDir;
    static LiveServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = LiveServer.start(dataDir, Map.of(Setting.AUTH_SECRET, SECRET));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String token(String client, Map<String, List<String>> rooms) {
        return JWT.create().withSubject(client).withJWTId(client + "-1").withExpiresAt(Instant.now().plusSeconds(600))
                .withClaim("rooms", rooms).sign(Algorithm.HMAC256(SECRET));
    }

    private static CliRun cli(String token, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--url", server.uri().toString(), "--token", token, "--timeout", "5"));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void shouldSendReadAndListAsTheTokensSubject() {
        String token = token("ci-bot", Map.of("ci-*", List.of("sub", "pub")));
        CliRun send = cli(token, "send", "--room", "ci-1", "green");
        assertEquals(ExitCode.OK, send.exitCode(), send.toString());
        CliRun history = cli(token, "history", "--room", "ci-1");
        assertEquals(ExitCode.OK, history.exitCode(), history.toString());
        assertTrue(history.out().contains("ci-bot (message): green"), history.toString());
        CliRun rooms = cli(token, "rooms");
        assertEquals(ExitCode.OK, rooms.exitCode(), rooms.toString());
        assertTrue(rooms.out().contains("ci-1"), rooms.toString());
    }

    @Test
    void shouldExitRefusedWithTheServersReasonWithoutTheRightOrAValidToken() {
        String readOnly = token("viewer", Map.of("ci-*", List.of("sub")));
        CliRun send = cli(readOnly, "send", "--room", "ci-2", "x");
        assertEquals(ExitCode.REFUSED, send.exitCode(), send.toString());
        assertTrue(send.err().contains("forbidden: publishing in room 'ci-2' needs the 'pub' right"), send.toString());
        CliRun tail = cli(readOnly, "tail", "--room", "deploy");
        assertEquals(ExitCode.REFUSED, tail.exitCode(), tail.toString());
        assertTrue(tail.err().contains("'sub' right"), tail.toString());
        CliRun rooms = cli("not-a-token", "rooms");
        assertEquals(ExitCode.REFUSED, rooms.exitCode(), rooms.toString());
        assertTrue(rooms.err().contains("unauthenticated: the token is not a JWT"), rooms.toString());
        CliRun history = cli("not-a-token", "history", "--room", "ci-1", "--client", "x");
        assertTrue(history.exitCode() != ExitCode.OK && history.err().contains("the token is not a JWT"),
                history.toString());
    }

    @Test
    void shouldConnectTheJavaClientWithItsTokenAndRefuseAnother() throws Exception {
        String token = token("coder-1", Map.of("build-*", List.of("sub", "pub")));
        try (AgentBusClient client = AgentBusClient.builder(server.uri(), "coder-1").token(token).connect()) {
            assertEquals(1, client.publish("build-1", Message.text("hi")).get(10, TimeUnit.SECONDS).offset());
        }
        Exception refused = assertThrows(RuntimeException.class,
                () -> AgentBusClient.builder(server.uri(), "coder-2").token(token).connect().close());
        assertTrue(refused instanceof ConnectFailedException || refused instanceof ClientClosedException, refused.toString());
        assertTrue(hasCause(refused, UnauthenticatedException.class), refused.toString());
        assertTrue(refused.getMessage().contains("the token is for client 'coder-1', not 'coder-2'"), refused.getMessage());
    }

    private static boolean hasCause(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
