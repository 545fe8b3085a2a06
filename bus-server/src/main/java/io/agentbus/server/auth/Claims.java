package io.agentbus.server.auth;

/**
 * The claims of an agentbus token: {@code sub} (the client id), {@code exp}, {@code jti} (the id
 * a deny-list revokes), {@code rooms} (room pattern → array of rights) and {@code dm}
 * ({@code true}: may send direct messages).
 */
public final class Claims {
    public static final String SUBJECT = "sub";
    public static final String EXPIRES = "exp";
    public static final String TOKEN_ID = "jti";
    public static final String ROOMS = "rooms";
    public static final String DIRECT_MESSAGES = "dm";

    private Claims() {
    }
}
