package io.agentbus.loadtest.adapter;

/**
 * Who one connection is and where it listens and publishes.
 *
 * @param clientId the client id (agentbus {@code hello}), also its direct-message address
 * @param room     the room it joins and publishes into, or {@code null} for direct messages
 * @param partner  the client it sends direct messages to, or {@code null} for rooms
 */
public record SessionSpec(String clientId, String room, String partner) {

    public static SessionSpec inRoom(String clientId, String room) {
        return new SessionSpec(clientId, room, null);
    }

    public static SessionSpec direct(String clientId, String partner) {
        return new SessionSpec(clientId, null, partner);
    }

    public boolean isDirect() {
        return room == null;
    }
}
