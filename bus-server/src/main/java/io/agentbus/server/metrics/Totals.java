package io.agentbus.server.metrics;

import io.agentbus.protocol.ErrorCode;

/**
 * The bus's counters at one tick, since the start; {@link #minus} gives an interval's.
 *
 * @param messagesIn         messages sequenced: room messages and direct messages
 * @param messagesOut        copies of them queued for delivery to members and recipients
 * @param errors             errors answered, indexed by {@link ErrorCode#ordinal()}
 */
public record Totals(long messagesIn, long messagesOut, long directIn, long directOut, long bytesReceived,
                     long bytesSent, long connectionsOpened, long joins, long drops, long slowConsumerCloses,
                     long[] errors) {
    static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new long[ErrorCode.values().length]);

    static Totals of(BusMetrics metrics, RoomTraffic rooms) {
        long[] errors = new long[ErrorCode.values().length];
        for (ErrorCode code : ErrorCode.values()) {
            errors[code.ordinal()] = metrics.errors(code);
        }
        long directIn = metrics.directIn();
        long directOut = metrics.directOut();
        return new Totals(rooms.totalIn() + directIn, rooms.totalOut() + directOut, directIn, directOut,
                metrics.bytesReceived(), metrics.bytesSent(), metrics.connectionsOpened(), metrics.joins(),
                metrics.drops(), metrics.slowConsumerCloses(), errors);
    }

    /** What was counted since {@code earlier}. */
    Totals minus(Totals earlier) {
        long[] errorDeltas = new long[errors.length];
        for (int i = 0; i < errors.length; i++) {
            errorDeltas[i] = errors[i] - earlier.errors[i];
        }
        return new Totals(messagesIn - earlier.messagesIn, messagesOut - earlier.messagesOut,
                directIn - earlier.directIn, directOut - earlier.directOut, bytesReceived - earlier.bytesReceived,
                bytesSent - earlier.bytesSent, connectionsOpened - earlier.connectionsOpened, joins - earlier.joins,
                drops - earlier.drops, slowConsumerCloses - earlier.slowConsumerCloses, errorDeltas);
    }

    long errorsOfAllCodes() {
        long sum = 0;
        for (long e : errors) {
            sum += e;
        }
        return sum;
    }
}
