package io.agentbus.server.room;

import io.agentbus.server.session.Session;

/** A session's membership of a room: its role, its vote weight, and whether it hears itself. */
public record Membership(Session session, String role, int weight, boolean echo) {
}
