package io.agentbus.client.cli;

import io.agentbus.client.ConnectionEvent;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Tells a {@code tail} user on stderr when the connection drops and comes back (the client
 * reconnects by itself), once per distinct reason. Events before the first connection are left
 * to the command's own error report. If the client closes for good while it was not being
 * stopped (the server refused it on a reconnect), it ends the command with
 * {@link ExitCode#REFUSED}. Called on the client's callback thread.
 */
final class ConnectionReporter implements Consumer<ConnectionEvent> {
    private final PrintStream err;
    private final CompletableFuture<Integer> ended;
    private volatile boolean stopping;
    private boolean connectedOnce;
    private String lastReason;

    ConnectionReporter(PrintStream err, CompletableFuture<Integer> ended) {
        this.err = err;
        this.ended = ended;
    }

    /** The command is closing the client itself: its closing is no news. */
    void stopping() {
        stopping = true;
    }

    @Override
    public void accept(ConnectionEvent event) {
        switch (event.state()) {
            case CONNECTED -> connected(event);
            case DISCONNECTED -> disconnected(event.reason());
            case CLOSED -> closed(event.reason());
            case CONNECTING -> {
                // every attempt; its outcome is what is reported
            }
        }
    }

    private void connected(ConnectionEvent event) {
        if (connectedOnce && lastReason != null) {
            err.println("agentbus: reconnected to " + event.server());
        }
        connectedOnce = true;
        lastReason = null;
    }

    private void disconnected(String reason) {
        if (connectedOnce && !stopping && !reason.equals(lastReason)) {
            err.println("agentbus: disconnected: " + reason + "; reconnecting");
        }
        lastReason = reason;
    }

    private void closed(String reason) {
        if (connectedOnce && !stopping) {
            err.println("agentbus: " + reason);
            ended.complete(ExitCode.REFUSED);
        }
    }
}
