package io.agentbus.server.it;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens for tests, made with java-jwt as any issuer would (not with the daemon's own minting
 * code), and key pairs written as PEM.
 */
public final class TestTokens {
    /** A 32-byte HS256 secret. */
    public static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final Map<String, List<String>> rooms = new LinkedHashMap<>();
    private final String client;
    private Boolean dm;
    private Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
    private String jti = UUID.randomUUID().toString();

    private TestTokens(String client) {
        this.client = client;
    }

    public static TestTokens forClient(String client) {
        return new TestTokens(client);
    }

    public TestTokens room(String pattern, String... rights) {
        rooms.put(pattern, List.of(rights));
        return this;
    }

    public TestTokens dm() {
        dm = true;
        return this;
    }

    public TestTokens expires(Instant at) {
        expires = at;
        return this;
    }

    public TestTokens jti(String id) {
        jti = id;
        return this;
    }

    public String hs256() {
        return sign(Algorithm.HMAC256(SECRET));
    }

    public String sign(Algorithm algorithm) {
        JWTCreator.Builder b = JWT.create().withSubject(client).withJWTId(jti).withExpiresAt(expires)
                .withClaim("rooms", rooms);
        if (dm != null) {
            b.withClaim("dm", dm);
        }
        return b.sign(algorithm);
    }

    public static KeyPair rsaKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public static KeyPair ecKeys(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    /** Writes a key as PEM: {@code PUBLIC KEY} for a public key, {@code PRIVATE KEY} for a private one. */
    public static Path writePem(Path file, Key key) throws IOException {
        String type = key instanceof java.security.PublicKey ? "PUBLIC KEY" : "PRIVATE KEY";
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }
}
