package io.agentbus.protocol.frame;

/**
 * {@code history} request: the room's messages after {@code since}, at most {@code limit}.
 */
public record HistoryRequest(String rid, String room, long since, int limit) implements ClientFrame {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @Override
    public String op() {
        return "history";
    }
}
