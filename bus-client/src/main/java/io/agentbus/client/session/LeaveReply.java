package io.agentbus.client.session;

import io.agentbus.client.error.AgentBusException;
import io.agentbus.client.error.ConnectionLostException;
import io.agentbus.client.error.ServerErrorException;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.ServerFrame;
import java.util.concurrent.CompletableFuture;

/** A leave succeeds also when the connection drops first: membership ends with the connection. */
final class LeaveReply implements ReplyHandler {
    private final CompletableFuture<ServerFrame> future;
    private final Dispatcher dispatcher;

    LeaveReply(CompletableFuture<ServerFrame> future, Dispatcher dispatcher) {
        this.future = future;
        this.dispatcher = dispatcher;
    }

    @Override
    public void reply(ServerFrame frame) {
        if (frame instanceof ErrorFrame e) {
            dispatcher.fail(future, ServerErrorException.of(e));
        } else {
            dispatcher.complete(future, frame);
        }
    }

    @Override
    public void fail(AgentBusException cause) {
        if (cause instanceof ConnectionLostException) {
            dispatcher.complete(future, null);
        } else {
            dispatcher.fail(future, cause);
        }
    }
}
