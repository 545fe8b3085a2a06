package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.agentbus.server.config.Setting;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auth as a user meets it through {@code bin/agentbus}: development mode announced in the log and
 * on {@code /health}, a key that cannot be used stops the start, and {@code agentbus token} mints a
 * token the daemon admits.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AuthLaunchIT {
    @TempDir
    Path dir;

    @Test
    void shouldSayLoudlyInTheLogAndOnHealthThatAuthIsOff() throws Exception {
        int port = Daemon.freePort();
        try (Daemon daemon = Daemon.startHealthy(port, dir.resolve("data"), dir.resolve("d.log"), "--auth", "none")) {
            HttpResponse<String> health = Daemon.HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"auth\":\"none\""), health.body());
            assertTrue(daemon.log().contains("WARN") && daemon.log().contains("AUTHENTICATION IS OFF (auth=none)"),
                    daemon.log());
            assertEquals(0, daemon.stop());
        }
    }

    @Test
    void shouldNotStartWithAKeyItCannotUse() throws Exception {
        Path badPem = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----\n");
        Path log = dir.resolve("d.log");
        try (Daemon daemon = Daemon.start(Daemon.freePort(), dir.resolve("data"), log,
                "--auth-public-key-file", badPem.toString())) {
            assertFalse(daemon.awaitHealthy(System.nanoTime() + TimeUnit.SECONDS.toNanos(60)), "it started");
            assertTrue(daemon.log().contains("agentbus start: auth.public.key.file " + badPem + " is not PEM"),
                    daemon.log());
        }
    }

    @Test
    void shouldMintATokenTheDaemonAdmits() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), TestTokens.SECRET);
        Process mint = Daemon.launcher(List.of("token", "--client", "coder-1", "--rooms", "build-*=sub,pub", "--ttl",
                "1h", "--secret-file", secret.toString())).start();
        assertTrue(mint.waitFor(60, TimeUnit.SECONDS));
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, mint.exitValue(), new String(mint.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("coder-1", JWT.require(Algorithm.HMAC256(TestTokens.SECRET)).build().verify(token).getSubject());
        try (TestServer server = TestServer.start(dir.resolve("data"), Map.of(Setting.AUTH_SECRET_FILE, secret));
             WsClient c = WsClient.connect(server.port())) {
            assertTrue(c.hello("coder-1", token).contains("\"op\":\"welcome\""));
            assertTrue(c.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"build-1\"}").reply("p").contains("\"op\":\"ok\""));
            assertTrue(c.send("{\"op\":\"pub\",\"rid\":\"q\",\"room\":\"main\"}").reply("q").contains("forbidden"));
        }

        Process bad = Daemon.launcher(List.of("token", "--client", "coder-1", "--ttl", "soon")).start();
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
        assertEquals(64, bad.exitValue());
        assertTrue(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains("--ttl must be"));
    }
}
