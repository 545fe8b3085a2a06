package io.agentbus.protocol.frame;

/**
 * {@code hello}: the first frame of a session.
 *
 * @param inboxSince last contiguous inbox offset the client holds, or {@link #NO_INBOX_SINCE}
 */
public record Hello(String rid, String client, String token, long inboxSince) implements ClientFrame {
    public static final long NO_INBOX_SINCE = -1;

    @Override
    public String op() {
        return "hello";
    }
}
