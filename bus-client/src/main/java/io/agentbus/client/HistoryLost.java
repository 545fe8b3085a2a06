package io.agentbus.client;

/**
 * A cluster told the client, on rejoining a room, that the room's history may have lost messages
 * the client had not been handed: the room's epoch changed (Redis lost data) and the client's
 * resume point lies before what the new epoch holds ({@code "recovered":false}). The messages
 * the node still had after {@code since} were handed over as usual; the ones lost cannot be.
 * Reported through {@link AgentBusClient#onHistoryLost}; a rejoin that recovered everything is
 * not reported.
 *
 * @param room          the room
 * @param since         the offset the client resumed after (the last one handed over in order)
 * @param previousEpoch the epoch the client had seen, or {@code null} if it had seen none
 * @param epoch         the room's current epoch, or {@code null} if the server did not say
 */
public record HistoryLost(String room, long since, String previousEpoch, String epoch) {
}
