package io.agentbus.server.auth;

/** A token that does not admit its bearer; the message says why, for the {@code unauthenticated} reply. */
public final class TokenRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
