package io.agentbus.server.metrics;

/**
 * A room's traffic in the last interval and since the start, for the dashboard.
 *
 * @param in       messages published into the room in the interval
 * @param out      copies of them queued for its members in the interval
 * @param inTotal  messages published since the start
 * @param outTotal copies queued since the start
 */
public record RoomRate(String room, long in, long out, long inTotal, long outTotal, int members) {
    long activity() {
        return in + out;
    }
}
