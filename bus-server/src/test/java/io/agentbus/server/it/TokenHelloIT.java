package io.agentbus.server.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import io.agentbus.server.config.Setting;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hello} with a token, over real sockets: who is admitted and who gets {@code unauthenticated}. */
class TokenHelloIT {
    @TempDir
    Path dir;

    private TestServer hs256Server() throws Exception {
        return TestServer.start(dir.resolve("data"), Map.of(Setting.AUTH_SECRET, TestTokens.SECRET));
    }

    private static void assertRefused(String reply, String why) {
        assertTrue(reply.contains("\"code\":\"unauthenticated\""), reply);
        assertTrue(reply.contains(why), "expected '" + why + "' in " + reply);
    }

    @Test
    void shouldWelcomeAValidTokenAndShowAuthTokenOnHealth() throws Exception {
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            String reply = c.hello("coder-1", TestTokens.forClient("coder-1").room("build-*", "sub").hs256());
            assertTrue(reply.contains("\"op\":\"welcome\""), reply);
            assertTrue(server.get("/health").body().contains("\"auth\":\"token\""));
        }
    }

    @Test
    void shouldRefuseHelloWithoutAToken() throws Exception {
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            c.send("{\"op\":\"hello\",\"rid\":\"h\",\"client\":\"coder-1\"}");
            assertRefused(c.reply("h"), "a token is required");
            c.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"build-1\"}");
            assertRefused(c.reply("j"), "say hello first");
        }
    }

    @Test
    void shouldRefuseAnExpiredToken() throws Exception {
        String expired = TestTokens.forClient("coder-1").expires(Instant.now().minusSeconds(5)).hs256();
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-1", expired), "the token expired at");
        }
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherSecret() throws Exception {
        String forged = TestTokens.forClient("coder-1").sign(Algorithm.HMAC256("another-secret-another-secret-xx"));
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-1", forged), "signature is not valid");
        }
    }

    @Test
    void shouldRefuseAnUnsignedTokenWithAlgNone() throws Exception {
        String unsigned = TestTokens.forClient("coder-1").room("*", "sub", "pub", "admin").dm().sign(Algorithm.none());
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-1", unsigned), "token algorithm 'none' is not accepted here (accepted: HS256)");
        }
    }

    @Test
    void shouldRefuseAValidTokenWithItsSignatureStripped() throws Exception {
        String valid = TestTokens.forClient("coder-1").hs256();
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String stripped = header + valid.substring(valid.indexOf('.'), valid.lastIndexOf('.') + 1);
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-1", stripped), "'none' is not accepted");
        }
    }

    @Test
    void shouldRefuseATokenForAnotherClient() throws Exception {
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-2", TestTokens.forClient("coder-1").hs256()),
                    "the token is for client 'coder-1', not 'coder-2'");
            assertTrue(c.hello("coder-1", TestTokens.forClient("coder-1").hs256()).contains("\"op\":\"welcome\""),
                    "a refused hello leaves the connection open for another try");
        }
    }

    @Test
    void shouldRefuseGarbageAndBadClaims() throws Exception {
        try (TestServer server = hs256Server(); WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-1", "not-a-jwt"), "the token is not a JWT");
            assertRefused(c.hello("coder-1", TestTokens.forClient("coder-1").room("a*b", "sub").hs256()),
                    "room pattern 'a*b' must be");
            assertRefused(c.hello("coder-1", TestTokens.forClient("coder-1").room("x", "read").hs256()),
                    "unknown right 'read'");
        }
    }

    @Test
    void shouldRefuseARevokedTokenOnceTheDenyListIsReloaded() throws Exception {
        Path denyList = Files.writeString(dir.resolve("revoked.txt"), "# revoked tokens\n");
        String token = TestTokens.forClient("coder-1").jti("tok-42").hs256();
        try (TestServer server = TestServer.start(dir.resolve("data"), Map.of(Setting.AUTH_SECRET, TestTokens.SECRET,
                Setting.AUTH_DENYLIST_FILE, denyList, Setting.AUTH_DENYLIST_RELOAD_MS, 50))) {
            try (WsClient c = WsClient.connect(server.port())) {
                assertTrue(c.hello("coder-1", token).contains("\"op\":\"welcome\""));
            }
            Files.writeString(denyList, "# revoked tokens\ntok-42\n");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                try (WsClient c = WsClient.connect(server.port())) {
                    return c.hello("coder-1", token).contains("the token was revoked (jti 'tok-42')");
                }
            });
        }
    }

    @Test
    void shouldVerifyRs256WithAConfiguredPublicKey() throws Exception {
        KeyPair keys = TestTokens.rsaKeys();
        Path pem = TestTokens.writePem(dir.resolve("rsa.pem"), keys.getPublic());
        Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate());
        KeyPair other = TestTokens.rsaKeys();
        Algorithm otherRs256 = Algorithm.RSA256((RSAPublicKey) other.getPublic(), (RSAPrivateKey) other.getPrivate());
        try (TestServer server = TestServer.start(dir.resolve("data"), Map.of(Setting.AUTH_PUBLIC_KEY_FILE, pem));
             WsClient c = WsClient.connect(server.port())) {
            assertRefused(c.hello("coder-1", TestTokens.forClient("coder-1").sign(otherRs256)), "signature is not valid");
            assertRefused(c.hello("coder-1", TestTokens.forClient("coder-1").hs256()),
                    "token algorithm 'HS256' is not accepted here (accepted: RS256)");
            assertRefused(c.hello("coder-1", TestTokens.forClient("coder-1")
                    .sign(Algorithm.HMAC256(Files.readAllBytes(pem)))), "'HS256' is not accepted");
            assertTrue(c.hello("coder-1", TestTokens.forClient("coder-1").sign(rs256)).contains("\"op\":\"welcome\""));
        }
    }

    @Test
    void shouldVerifyEs256WithAConfiguredPublicKeyBesideAnHs256Secret() throws Exception {
        KeyPair keys = TestTokens.ecKeys("secp256r1");
        Path pem = TestTokens.writePem(dir.resolve("ec.pem"), keys.getPublic());
        Algorithm es256 = Algorithm.ECDSA256((ECPublicKey) keys.getPublic(), (ECPrivateKey) keys.getPrivate());
        try (TestServer server = TestServer.start(dir.resolve("data"), Map.of(Setting.AUTH_PUBLIC_KEY_FILE, pem,
                Setting.AUTH_SECRET, TestTokens.SECRET))) {
            try (WsClient c = WsClient.connect(server.port())) {
                assertTrue(c.hello("coder-1", TestTokens.forClient("coder-1").sign(es256)).contains("\"op\":\"welcome\""));
            }
            try (WsClient c = WsClient.connect(server.port())) {
                assertTrue(c.hello("coder-2", TestTokens.forClient("coder-2").hs256()).contains("\"op\":\"welcome\""));
            }
        }
    }

    @Test
    void shouldTakeTheTokenFromTheUpgradeRequest() throws Exception {
        String token = TestTokens.forClient("browser-1").hs256();
        try (TestServer server = hs256Server()) {
            assertEquals("welcome", helloWithout(server.port(), "/ws?token=" + token, null));
            assertEquals("welcome", helloWithout(server.port(), "/ws", token));
            assertEquals("error", helloWithout(server.port(), "/ws", null));
        }
    }

    /** Connects with the token in the URL or the Authorization header, says hello without one; the reply's op. */
    private static String helloWithout(int port, String path, String bearer) throws Exception {
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        var ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data,
                                                                  boolean last) {
                frames.add(data.toString());
                w.request(1);
                return null;
            }
        }).join();
        try {
            ws.sendText("{\"op\":\"hello\",\"client\":\"browser-1\"}", true).join();
            String reply = frames.poll(WsClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(reply != null, "no reply to hello");
            return reply.substring(reply.indexOf("\"op\":\"") + 6, reply.indexOf('"', reply.indexOf("\"op\":\"") + 6));
        } finally {
            ws.abort();
        }
    }
}
