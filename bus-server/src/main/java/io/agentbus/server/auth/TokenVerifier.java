package io.agentbus.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.agentbus.protocol.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a token with java-jwt against the algorithms the daemon has keys for, and turns its
 * claims into an {@link Identity}. The token's {@code alg} header picks the verifier; an algorithm
 * without a key here ({@code none} above all) is refused before anything else is read.
 */
final class TokenVerifier {
    private final Map<String, JWTVerifier> verifiers = new LinkedHashMap<>();

    TokenVerifier(List<Algorithm> algorithms) {
        for (Algorithm algorithm : algorithms) {
            verifiers.put(algorithm.getName(), JWT.require(algorithm)
                    .withClaimPresence(Claims.SUBJECT)
                    .withClaimPresence(Claims.EXPIRES)
                    .withClaimPresence(Claims.TOKEN_ID)
                    .build());
        }
    }

    /** The algorithms accepted, e.g. {@code HS256, ES256}. */
    String accepted() {
        return String.join(", ", verifiers.keySet());
    }

    /** The verified token's id ({@code jti}) and identity. */
    Verified verify(String token) throws TokenRejectedException {
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw new TokenRejectedException("the token is not a JWT: " + e.getMessage());
        }
        JWTVerifier verifier = verifiers.get(decoded.getAlgorithm());
        if (verifier == null) {
            throw new TokenRejectedException("token algorithm '" + decoded.getAlgorithm() + "' is not accepted here"
                    + " (accepted: " + accepted() + ")");
        }
        try {
            verifier.verify(decoded);
        } catch (JWTVerificationException e) {
            throw rejection(e);
        }
        return new Verified(decoded.getId(), new Identity(subject(decoded), grants(decoded)));
    }

    private static TokenRejectedException rejection(JWTVerificationException e) {
        if (e instanceof TokenExpiredException expired) {
            return new TokenRejectedException("the token expired at " + expired.getExpiredOn());
        } else if (e instanceof SignatureVerificationException) {
            return new TokenRejectedException("the token's signature is not valid");
        } else if (e instanceof MissingClaimException missing) {
            return new TokenRejectedException("the token has no '" + missing.getClaimName() + "' claim");
        }
        return new TokenRejectedException("the token is not valid: " + e.getMessage());
    }

    private static String subject(DecodedJWT token) throws TokenRejectedException {
        String sub = token.getSubject();
        if (!Ids.isValid(sub)) {
            throw new TokenRejectedException("the token's 'sub' claim must be a client id");
        }
        return sub;
    }

    private static Grants grants(DecodedJWT token) throws TokenRejectedException {
        try {
            return Grants.of(rooms(token.getClaim(Claims.ROOMS)), directMessages(token.getClaim(Claims.DIRECT_MESSAGES)));
        } catch (IllegalArgumentException | JWTDecodeException e) {
            throw new TokenRejectedException("the token's claims are not valid: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> rooms(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return Map.of();
        }
        Map<String, List<String>> rooms = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : claim.asMap().entrySet()) {
            rooms.put(e.getKey(), rights(e.getKey(), e.getValue()));
        }
        return rooms;
    }

    private static List<String> rights(String pattern, Object value) {
        List<String> rights = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object right : list) {
                if (!(right instanceof String name)) {
                    break;
                }
                rights.add(name);
            }
            if (rights.size() == list.size()) {
                return rights;
            }
        }
        throw new IllegalArgumentException("'rooms' must map each room pattern to an array of rights,"
                + " e.g. {\"build-*\":[\"sub\",\"pub\"]}; '" + pattern + "' does not");
    }

    private static boolean directMessages(Claim claim) {
        if (claim.isMissing() || claim.isNull()) {
            return false;
        }
        Boolean dm = claim.asBoolean();
        if (dm == null) {
            throw new IllegalArgumentException("'dm' must be true or false");
        }
        return dm;
    }

    /** A verified token: its id and who it admits. */
    record Verified(String tokenId, Identity identity) {
    }
}
