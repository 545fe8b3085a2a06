package io.agentbus.server.auth;

import io.agentbus.protocol.Ids;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.Vote;

/**
 * The right each request needs: {@code join} and {@code history} need {@code sub} in the room,
 * {@code pub}, {@code propose}, {@code vote} and {@code artifact} need {@code pub}, {@code send}
 * needs {@code dm}. {@code leave} needs nothing (only a member can leave). System rooms
 * ({@code $sys.stats}) are readable by every client that said hello. A refusal's message is built
 * only when a request is refused.
 */
public final class Permissions {
    private Permissions() {
    }

    /** Why these grants do not allow this request, or {@code null} when they do. */
    public static String refusal(Grants grants, ClientFrame frame) {
        if (grants.isEverything()) {
            return null;
        }
        if (frame instanceof Pub pub) {
            return room(grants, pub.room(), Right.PUB);
        } else if (frame instanceof Join join) {
            return readable(grants, join.room());
        } else if (frame instanceof HistoryRequest history) {
            return readable(grants, history.room());
        } else if (frame instanceof Send send) {
            return grants.directMessages() ? null : directRefusal(send.to());
        } else if (frame instanceof Propose propose) {
            return room(grants, propose.room(), Right.PUB);
        } else if (frame instanceof Vote vote) {
            return room(grants, vote.room(), Right.PUB);
        } else if (frame instanceof ArtifactUpload upload) {
            return room(grants, upload.room(), Right.PUB);
        }
        return null;
    }

    /** {@code sub} in the room, or nothing for a system room. */
    public static String readable(Grants grants, String room) {
        return Ids.isSystem(room) ? null : room(grants, room, Right.SUB);
    }

    /** Why these grants do not allow this right in this room, or {@code null}. */
    public static String room(Grants grants, String room, Right right) {
        return grants.allows(room, right) ? null : roomRefusal(room, right);
    }

    private static String roomRefusal(String room, Right right) {
        return right.doing() + " in room '" + room + "' needs the '" + right.wireName()
                + "' right, which your token does not grant there";
    }

    private static String directRefusal(String to) {
        return "sending a direct message (to '" + to + "') needs the 'dm' right, which your token does not grant";
    }
}
