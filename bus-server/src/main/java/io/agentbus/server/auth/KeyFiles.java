package io.agentbus.server.auth;

import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.Setting;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the key material the settings name, with an error that names the setting and the file:
 * an HS256 secret (at least 32 bytes, as RFC 7518 asks of HS256 keys) and a PEM public key (an
 * RSA key of at least 2048 bits, or an EC key on P-256).
 */
final class KeyFiles {
    /** The shortest HS256 secret accepted, in bytes (256 bits). */
    static final int MIN_SECRET_BYTES = 32;
    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private KeyFiles() {
    }

    /** The secret's bytes, checked for length; {@code source} names where it came from. */
    static byte[] secret(String secret, String source) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new ConfigException(source + " is too short for HS256: " + bytes.length + " bytes, at least "
                    + MIN_SECRET_BYTES + " needed (e.g. openssl rand -base64 32)");
        }
        return bytes;
    }

    /** The secret held in a file, without surrounding white space; {@code source} names the setting or flag. */
    static byte[] secretFile(Path file, String source) {
        return secret(read(file, source).strip(), source + " " + file);
    }

    /** The RSA or EC public key of a PEM file ({@code -----BEGIN PUBLIC KEY-----}). */
    static PublicKey publicKey(Path file) {
        String where = Setting.AUTH_PUBLIC_KEY_FILE.key() + " " + file;
        Matcher pem = PEM.matcher(read(file, Setting.AUTH_PUBLIC_KEY_FILE.key()));
        if (!pem.find()) {
            throw new ConfigException(where + " is not PEM: expected a -----BEGIN PUBLIC KEY----- block");
        }
        if (!pem.group(1).equals("PUBLIC KEY")) {
            throw new ConfigException(where + " holds a PEM '" + pem.group(1) + "', not a 'PUBLIC KEY' (write one"
                    + " with: openssl pkey -in KEY -pubout)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.group(2));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + " is not valid PEM: " + e.getMessage());
        }
        return checked(decode(der, where), where);
    }

    private static PublicKey decode(byte[] der, String where) {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not a key of this algorithm: try the next
            }
        }
        throw new ConfigException(where + " holds no RSA or EC public key that can be read");
    }

    private static PublicKey checked(PublicKey key, String where) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new ConfigException(where + " is an RSA key of " + rsa.getModulus().bitLength() + " bits; RS256 needs"
                    + " at least " + MIN_RSA_BITS);
        }
        if (key instanceof ECPublicKey ec && !isP256(ec.getParams())) {
            throw new ConfigException(where + " is an EC key on another curve; ES256 needs P-256 (secp256r1)");
        }
        return key;
    }

    private static boolean isP256(ECParameterSpec params) {
        try {
            AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
            p256.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = p256.getParameterSpec(ECParameterSpec.class);
            return spec.getCurve().equals(params.getCurve()) && spec.getGenerator().equals(params.getGenerator())
                    && spec.getOrder().equals(params.getOrder());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256 curve", e);
        }
    }

    private static String read(Path file, String source) {
        String where = source + " " + file;
        if (Files.isDirectory(file)) {
            throw new ConfigException(where + " is a directory, not a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(where + " does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(where + " cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(where + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(where + " cannot be read: " + e.getMessage());
        }
    }
}
