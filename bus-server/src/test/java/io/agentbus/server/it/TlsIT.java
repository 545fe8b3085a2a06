package io.agentbus.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.Main;
import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wss://} and {@code https://} on one port with a certificate made in the test, through
 * both TLS engines; plain clients on that port, and bad certificate settings at start.
 */
class TlsIT {
    @TempDir
    Path dir;
    private TestCertificate certificate;

    @BeforeEach
    void makeCertificate() throws Exception {
        certificate = TestCertificate.create(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openssl", "jdk"})
    void shouldServeWssAndHttpsOnOnePort(String provider) throws Exception {
        try (TestServer server = start(provider)) {
            assertTrue(server.tlsProvider().startsWith(provider), server.tlsProvider());
            HttpClient https = HttpClient.newBuilder().sslContext(certificate.trustingContext()).build();
            HttpResponse<String> health = https.send(get(server, "https", "/health"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"up\""), health.body());

            try (WsClient reader = hello(https, server, "tls-reader");
                 WsClient writer = hello(https, server, "tls-writer")) {
                reader.send("{\"op\":\"join\",\"rid\":\"j\",\"room\":\"secure\"}");
                assertTrue(reader.reply("j").contains("\"op\":\"ok\""));
                writer.send("{\"op\":\"pub\",\"rid\":\"p\",\"room\":\"secure\",\"body\":{\"over\":\"tls\"}}");
                String ack = writer.reply("p");
                assertTrue(ack.contains("\"op\":\"ok\"") && ack.contains("\"offset\":1"), ack);
                String msg = reader.await(f -> f.contains("\"op\":\"msg\""));
                assertTrue(msg.contains("\"from\":\"tls-writer\"") && msg.contains("{\"over\":\"tls\"}"), msg);
            }
        }
    }

    @Test
    void shouldPickOpenSslWhenItLoads() throws Exception {
        try (TestServer server = start("auto")) {
            assertTrue(server.tlsProvider().startsWith("openssl"), server.tlsProvider());
        }
    }

    @Test
    void shouldAnswerPlainHttpAndWsOnATlsPortWith400AndStayUp() throws Exception {
        try (TestServer server = start("auto")) {
            HttpResponse<String> plain = HttpClient.newHttpClient().send(get(server, "http", "/health"),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, plain.statusCode(), plain.body());
            assertTrue(plain.body().contains("TLS only: use https:// or wss://"), plain.body());

            CompletionException failed = assertThrows(CompletionException.class, () -> WsClient.connect(server.port()));
            WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                    failed.getCause());
            assertEquals(400, handshake.getResponse().statusCode());

            HttpClient https = HttpClient.newBuilder().sslContext(certificate.trustingContext()).build();
            assertEquals(200, https.send(get(server, "https", "/health"), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
    }

    @Test
    void shouldFailTheHandshakeOfAClientThatDoesNotTrustTheCertificate() throws Exception {
        try (TestServer server = start("auto")) {
            Exception refused = assertThrows(Exception.class, () -> HttpClient.newHttpClient()
                    .send(get(server, "https", "/health"), HttpResponse.BodyHandlers.ofString()));
            assertInstanceOf(SSLHandshakeException.class, refused, refused.toString());
        }
    }

    @Test
    void shouldRefuseToStartWithFilesThatAreNotPem() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TestServer.start(dir.resolve("data"),
                Map.of(Setting.TLS_CERT_FILE, junk, Setting.TLS_KEY_FILE, certificate.key())));
        assertTrue(e.getMessage().startsWith("tls.cert.file " + junk.toAbsolutePath() + " and tls.key.file "),
                e.getMessage());
        assertTrue(e.getMessage().contains("do not make a TLS context"), e.getMessage());
    }

    @Test
    void shouldRefuseToStartWithAKeyThatIsNotPem() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n");
        for (String provider : new String[] {"openssl", "jdk"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> TestServer.start(dir.resolve("data"),
                    Map.of(Setting.TLS_CERT_FILE, certificate.cert(), Setting.TLS_KEY_FILE, junk,
                            Setting.TLS_PROVIDER, provider)));
            assertTrue(e.getMessage().contains("do not make a TLS context"), provider + ": " + e.getMessage());
        }
    }

    @Test
    void shouldRefuseToStartWithAMissingKeyFile() {
        Path missing = dir.resolve("nowhere/key.pem");
        ConfigException e = assertThrows(ConfigException.class, () -> TestServer.start(dir.resolve("data"),
                Map.of(Setting.TLS_CERT_FILE, certificate.cert(), Setting.TLS_KEY_FILE, missing)));
        assertEquals("tls.key.file names no file: " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void shouldRefuseToStartWithACertificateButNoKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestServer.start(dir.resolve("data"),
                Map.of(Setting.TLS_CERT_FILE, certificate.cert())));
        assertEquals("tls.cert.file and tls.key.file go together: set both for TLS, or neither", e.getMessage());
    }

    @Test
    void shouldExitWithUsageStatusAndOneLineWhenTheCertificateIsNotPem() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"start", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--tls-cert-file", junk.toString(), "--tls-key-file", certificate.key().toString()}, Map.of(),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(Main.EXIT_USAGE, status, err.toString());
        assertTrue(err.toString().startsWith("agentbus start: tls.cert.file " + junk.toAbsolutePath()),
                err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    private TestServer start(String provider) throws Exception {
        return TestServer.start(dir.resolve("data"), Map.of(Setting.TLS_CERT_FILE, certificate.cert(),
                Setting.TLS_KEY_FILE, certificate.key(), Setting.TLS_PROVIDER, provider));
    }

    private static WsClient hello(HttpClient https, TestServer server, String client) {
        WsClient c = WsClient.connect(https, URI.create("wss://127.0.0.1:" + server.port() + "/ws"));
        c.send("{\"op\":\"hello\",\"client\":\"" + client + "\"}");
        c.await(f -> f.contains("\"op\":\"welcome\""));
        return c;
    }

    private static HttpRequest get(TestServer server, String scheme, String path) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + server.port() + path)).GET().build();
    }
}
