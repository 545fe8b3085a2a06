package io.agentbus.client.session;

import io.agentbus.protocol.frame.ClientFrame;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * A request waiting to be sent or answered. Its frame is built per attempt, because every
 * attempt gets a fresh {@code rid}.
 */
final class PendingRequest {
    final long seq;
    final String op;
    final Function<String, ClientFrame> frame;
    final LossPolicy onLoss;
    final ReplyHandler handler;
    ScheduledFuture<?> timeout;
    String rid;

    PendingRequest(long seq, String op, Function<String, ClientFrame> frame, LossPolicy onLoss, ReplyHandler handler) {
        this.seq = seq;
        this.op = op;
        this.frame = frame;
        this.onLoss = onLoss;
        this.handler = handler;
    }

    void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
