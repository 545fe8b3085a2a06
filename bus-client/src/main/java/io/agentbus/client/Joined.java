package io.agentbus.client;

import io.agentbus.protocol.frame.Member;
import java.util.List;

/**
 * The server's answer to a join.
 *
 * @param lastOffset the room's last offset when it was joined (0 for an empty room)
 * @param members    the room's member connections, in join order, this one included
 */
public record Joined(String room, long lastOffset, List<Member> members) {
}
