package io.agentbus.protocol.frame;

/**
 * {@code join}: become a member of a room.
 *
 * @param role   the member's role, {@code "participant"} by default
 * @param weight vote weight, 1 by default
 * @param since  replay every message after this offset first, or {@link #NO_SINCE}
 * @param echo   whether the member receives its own publications
 * @param epoch  the room's epoch the client saw last (cluster mode), or {@code null}
 */
public record Join(String rid, String room, String role, int weight, long since, boolean echo, String epoch)
        implements ClientFrame {
    public static final long NO_SINCE = -1;
    public static final String DEFAULT_ROLE = "participant";

    /** A join without an epoch. */
    public Join(String rid, String room, String role, int weight, long since, boolean echo) {
        this(rid, room, role, weight, since, echo, null);
    }

    @Override
    public String op() {
        return "join";
    }
}
