package io.agentbus.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import io.agentbus.server.it.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which mode the settings give, and a clear start error for every key or file that cannot be used. */
class AuthenticatorTest {
    @TempDir
    Path dir;

    private static ServerConfig config(Map<Setting, Object> settings) {
        ServerConfig.Builder b = ServerConfig.builder();
        settings.forEach(b::set);
        return b.build();
    }

    private static String failure(Map<Setting, Object> settings) {
        return assertThrows(ConfigException.class, () -> Authenticator.create(config(settings)).close()).getMessage();
    }

    @Test
    void shouldRunWithoutTokensOnLoopbackWhenNoKeyIsSet() {
        try (Authenticator auth = Authenticator.create(ServerConfig.DEFAULT)) {
            assertFalse(auth.tokensRequired());
            assertEquals("none", auth.mode());
        }
    }

    @Test
    void shouldRefuseToStartUnprotectedOnANonLoopbackHost() {
        String message = failure(Map.of(Setting.HOST, "0.0.0.0"));
        assertTrue(message.contains("host 0.0.0.0 is not a loopback address"), message);
        assertTrue(message.contains("set auth=none"), message);
        try (Authenticator auth = Authenticator.create(config(Map.of(Setting.HOST, "0.0.0.0", Setting.AUTH, "none")))) {
            assertEquals("none", auth.mode());
        }
    }

    @Test
    void shouldVerifyTokensWhenASecretIsSetUnlessAuthIsNone() {
        try (Authenticator auth = Authenticator.create(config(Map.of(Setting.AUTH_SECRET, TestTokens.SECRET)))) {
            assertEquals("token", auth.mode());
        }
        try (Authenticator auth = Authenticator.create(config(Map.of(Setting.AUTH_SECRET, TestTokens.SECRET,
                Setting.AUTH, "none")))) {
            assertEquals("none", auth.mode());
        }
    }

    @Test
    void shouldNeedAKeyForAuthToken() {
        assertEquals("auth=token needs a key: set auth.secret.file, auth.secret or auth.public.key.file",
                failure(Map.of(Setting.AUTH, "token")));
    }

    @Test
    void shouldRefuseASecretTooShortForHs256() throws Exception {
        assertEquals("auth.secret is too short for HS256: 9 bytes, at least 32 needed (e.g. openssl rand -base64 32)",
                failure(Map.of(Setting.AUTH_SECRET, "too-short")));
        Path file = Files.writeString(dir.resolve("secret"), "short\n");
        assertTrue(failure(Map.of(Setting.AUTH_SECRET_FILE, file)).startsWith("auth.secret.file " + file
                + " is too short for HS256: 5 bytes"));
    }

    @Test
    void shouldReadTheSecretFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), TestTokens.SECRET + "\n");
        try (Authenticator auth = Authenticator.create(config(Map.of(Setting.AUTH_SECRET_FILE, file)))) {
            assertEquals(Grants.class, auth.hello(TestTokens.forClient("c").hs256(), "c").getClass());
        } catch (TokenRejectedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldRefuseBothASecretAndASecretFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of(Setting.AUTH_SECRET,
                TestTokens.SECRET, Setting.AUTH_SECRET_FILE, dir.resolve("s"))));
        assertEquals("auth.secret and auth.secret.file are both set: give one", e.getMessage());
    }

    @Test
    void shouldNameAKeyFileThatIsMissingUnreadableOrADirectory() throws Exception {
        Path missing = dir.resolve("nope.pem");
        assertEquals("auth.public.key.file " + missing + " does not exist",
                failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, missing)));
        assertEquals("auth.public.key.file " + dir + " is a directory, not a file",
                failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, dir)));
        Path locked = TestTokens.writePem(dir.resolve("locked.pem"), TestTokens.rsaKeys().getPublic());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads anything
            assertEquals("auth.public.key.file " + locked + " cannot be read: permission denied",
                    failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, locked)));
        }
    }

    @Test
    void shouldRefuseAKeyFileThatIsNotAPemPublicKey() throws Exception {
        Path text = Files.writeString(dir.resolve("text.pem"), "hello");
        assertTrue(failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, text)).endsWith(
                "is not PEM: expected a -----BEGIN PUBLIC KEY----- block"));
        Path privateKey = TestTokens.writePem(dir.resolve("private.pem"), TestTokens.rsaKeys().getPrivate());
        assertTrue(failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, privateKey)).endsWith(
                "holds a PEM 'PRIVATE KEY', not a 'PUBLIC KEY' (write one with: openssl pkey -in KEY -pubout)"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"),
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertTrue(failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, garbage)).endsWith(
                "holds no RSA or EC public key that can be read"));
    }

    @Test
    void shouldRefuseKeysTooWeakOrOnTheWrongCurve() throws Exception {
        java.security.KeyPairGenerator small = java.security.KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        Path rsa1024 = TestTokens.writePem(dir.resolve("rsa1024.pem"), small.generateKeyPair().getPublic());
        assertTrue(failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, rsa1024)).endsWith(
                "is an RSA key of 1024 bits; RS256 needs at least 2048"));
        Path p384 = TestTokens.writePem(dir.resolve("p384.pem"), TestTokens.ecKeys("secp384r1").getPublic());
        assertTrue(failure(Map.of(Setting.AUTH_PUBLIC_KEY_FILE, p384)).endsWith(
                "is an EC key on another curve; ES256 needs P-256 (secp256r1)"));
    }

    @Test
    void shouldNeedTheDenyListFileToExistAtStart() {
        Path missing = dir.resolve("revoked.txt");
        assertEquals("auth.denylist.file " + missing + " does not exist (create it empty to revoke nothing yet)",
                failure(Map.of(Setting.AUTH_SECRET, TestTokens.SECRET, Setting.AUTH_DENYLIST_FILE, missing)));
    }

    @Test
    void shouldRefuseRestRequestsWithoutABearerToken() {
        try (Authenticator auth = Authenticator.create(config(Map.of(Setting.AUTH_SECRET, TestTokens.SECRET)))) {
            assertThrows(TokenRejectedException.class, () -> auth.bearer(null));
            assertThrows(TokenRejectedException.class, () -> auth.bearer("Basic dXNlcjpwYXNz"));
            assertEquals("ci", auth.bearer("bearer " + TestTokens.forClient("ci").hs256()).client());
        } catch (TokenRejectedException e) {
            throw new AssertionError(e);
        }
    }
}
