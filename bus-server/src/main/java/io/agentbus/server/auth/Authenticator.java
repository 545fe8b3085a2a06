package io.agentbus.server.auth;

import com.auth0.jwt.algorithms.Algorithm;
import io.agentbus.server.config.AuthMode;
import io.agentbus.server.config.ConfigException;
import io.agentbus.server.config.ServerConfig;
import io.agentbus.server.config.Setting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits clients: at {@code hello} (the token of the frame, or of the upgrade request) and on
 * each REST request ({@code Authorization: Bearer}). With tokens off ({@code auth=none}) it admits
 * everyone with every right and says so loudly at start and on {@code /health}.
 *
 * <p>Which mode: {@code auth=token} needs a secret or key; {@code auth=none} is development
 * mode; {@code auth=auto} (the default) verifies tokens when a secret or key is configured, and
 * otherwise runs without tokens only if the daemon listens on a loopback address, so that an
 * unprotected daemon is never reachable from other machines unless someone asked for it.
 */
public final class Authenticator implements AutoCloseable {
    /** The author of REST requests when tokens are off. */
    public static final String REST_CLIENT = "rest";
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final DenyList denyList;

    private Authenticator(TokenVerifier verifier, DenyList denyList) {
        this.verifier = verifier;
        this.denyList = denyList;
    }

    /**
     * The authenticator the config asks for, its keys and deny-list read.
     *
     * @throws ConfigException when a key or file cannot be used, or tokens are needed but no key is set
     */
    public static Authenticator create(ServerConfig config) {
        List<Algorithm> algorithms = algorithms(config);
        if (!tokensOn(config, !algorithms.isEmpty())) {
            warnNoAuth(config, !algorithms.isEmpty());
            return new Authenticator(null, DenyList.NONE);
        }
        TokenVerifier verifier = new TokenVerifier(algorithms);
        DenyList denyList = config.authDenylistFile() == null ? DenyList.NONE
                : DenyList.watch(config.authDenylistFile(), config.authDenylistReloadMs());
        LOG.info("auth=token: every client needs a signed token (accepted: {}){}", verifier.accepted(),
                config.authDenylistFile() == null ? "; no deny-list configured" : "");
        return new Authenticator(verifier, denyList);
    }

    /** The development mode's authenticator: no tokens, every right. */
    public static Authenticator none() {
        return new Authenticator(null, DenyList.NONE);
    }

    private static boolean tokensOn(ServerConfig config, boolean keys) {
        AuthMode mode = config.authMode();
        if (mode == AuthMode.NONE) {
            return false;
        }
        if (keys) {
            return true;
        }
        if (mode == AuthMode.TOKEN) {
            throw new ConfigException("auth=token needs a key: set " + Setting.AUTH_SECRET_FILE.key() + ", "
                    + Setting.AUTH_SECRET.key() + " or " + Setting.AUTH_PUBLIC_KEY_FILE.key());
        }
        if (!isLoopback(config.host())) {
            throw new ConfigException("no " + Setting.AUTH_SECRET_FILE.key() + ", " + Setting.AUTH_SECRET.key()
                    + " or " + Setting.AUTH_PUBLIC_KEY_FILE.key() + " is set and host " + config.host()
                    + " is not a loopback address: anyone who reaches it could do anything. Configure a secret or"
                    + " key (see 'agentbus token --help'), or set auth=none to run without tokens on purpose");
        }
        return false;
    }

    private static void warnNoAuth(ServerConfig config, boolean keys) {
        LOG.warn("AUTHENTICATION IS OFF (auth={}{}): no token is checked, any client id may say hello and every"
                        + " client may join, read, publish and send anywhere. For local development only.",
                config.authMode().configName(), config.authMode() == AuthMode.AUTO
                        ? ", no secret or key configured, listening on loopback " + config.host() : "");
        if (keys || config.authDenylistFile() != null) {
            LOG.warn("auth=none: the configured secret, key and deny-list are ignored");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new ConfigException("host " + host + " cannot be resolved: " + e.getMessage());
        }
    }

    private static List<Algorithm> algorithms(ServerConfig config) {
        List<Algorithm> algorithms = new ArrayList<>();
        if (config.authSecret() != null) {
            algorithms.add(Algorithm.HMAC256(KeyFiles.secret(config.authSecret(), Setting.AUTH_SECRET.key())));
        } else if (config.authSecretFile() != null) {
            algorithms.add(Algorithm.HMAC256(KeyFiles.secretFile(config.authSecretFile(), Setting.AUTH_SECRET_FILE.key())));
        }
        if (config.authPublicKeyFile() != null) {
            PublicKey key = KeyFiles.publicKey(config.authPublicKeyFile());
            algorithms.add(key instanceof RSAPublicKey rsa ? Algorithm.RSA256(rsa, null)
                    : Algorithm.ECDSA256((ECPublicKey) key, null));
        }
        return algorithms;
    }

    /** Whether clients need tokens ({@code false}: development mode). */
    public boolean tokensRequired() {
        return verifier != null;
    }

    /** The mode as {@code /health} shows it: {@code token} or {@code none}. */
    public String mode() {
        return tokensRequired() ? AuthMode.TOKEN.configName() : AuthMode.NONE.configName();
    }

    /**
     * The rights of a client saying hello with this token ({@code null} when it sent none).
     *
     * @throws TokenRejectedException when the token is missing, not valid, revoked or for another client
     */
    public Grants hello(String token, String client) throws TokenRejectedException {
        if (verifier == null) {
            return Grants.ALL;
        }
        if (token == null) {
            throw new TokenRejectedException("a token is required: send it as hello's 'token' (or as"
                    + " Authorization: Bearer on the upgrade request, or ?token= in the URL)");
        }
        Identity identity = verify(token);
        if (!identity.client().equals(client)) {
            throw new TokenRejectedException("the token is for client '" + identity.client() + "', not '" + client
                    + "'");
        }
        return identity.grants();
    }

    /**
     * Who a REST request comes from, by its {@code Authorization} header ({@code null} if absent).
     *
     * @throws TokenRejectedException when tokens are required and the header has no valid one
     */
    public Identity bearer(String authorization) throws TokenRejectedException {
        if (verifier == null) {
            return new Identity(REST_CLIENT, Grants.ALL);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new TokenRejectedException("a token is required: send the header Authorization: Bearer TOKEN");
        }
        return verify(authorization.substring(BEARER.length()).strip());
    }

    private Identity verify(String token) throws TokenRejectedException {
        TokenVerifier.Verified verified = verifier.verify(token);
        if (denyList.isRevoked(verified.tokenId())) {
            throw new TokenRejectedException("the token was revoked (jti '" + verified.tokenId() + "')");
        }
        return verified.identity();
    }

    @Override
    public void close() {
        denyList.close();
    }
}
