package io.agentbus.protocol.frame;

import java.util.List;

/**
 * {@code ok}: a request succeeded. Fields that do not apply to the request are absent:
 * {@code null}, or {@link #NO_OFFSET} for the offset.
 *
 * @param offset    the room's last offset (join), the new message's offset (pub), or the
 *                  recipient's inbox offset (send)
 * @param members   the room's members (join)
 * @param decision  the new decision's id (propose)
 * @param sha256    the stored artifact's digest (artifact)
 * @param duplicate the {@code pub} or {@code send} repeated the {@code id} of a message sequenced
 *                  within the de-duplication window: nothing new was published and {@code offset}
 *                  is the original's (written as {@code "duplicate":true}, omitted when false)
 * @param epoch     the room's epoch (join, cluster mode only), or {@code null}
 * @param recovered whether every message after the join's {@code since} is still in the room's
 *                  history (join with {@code since}, cluster mode only), or {@code null}
 */
public record Ok(String rid, String room, long offset, List<Member> members, String decision, String sha256,
                 boolean duplicate, String epoch, Boolean recovered) implements ServerFrame {
    public static final long NO_OFFSET = -1;

    /** An {@code ok} without the cluster's fields. */
    public Ok(String rid, String room, long offset, List<Member> members, String decision, String sha256,
              boolean duplicate) {
        this(rid, room, offset, members, decision, sha256, duplicate, null, null);
    }

    /** An {@code ok} for a request that was not a duplicate. */
    public Ok(String rid, String room, long offset, List<Member> members, String decision, String sha256) {
        this(rid, room, offset, members, decision, sha256, false);
    }

    /** An {@code ok} that carries nothing but the request id. */
    public static Ok of(String rid) {
        return new Ok(rid, null, NO_OFFSET, null, null, null);
    }

    /**
     * The {@code ok} of a {@code pub} or {@code send} that repeated a message id: the original's
     * {@code offset} (and {@code room}; {@code null} for a {@code send}), marked duplicate.
     */
    public static Ok duplicate(String rid, String room, long offset) {
        return new Ok(rid, room, offset, null, null, null, true);
    }

    @Override
    public String op() {
        return "ok";
    }
}
