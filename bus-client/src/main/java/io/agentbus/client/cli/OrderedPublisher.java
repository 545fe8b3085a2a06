package io.agentbus.client.cli;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.client.error.PublishBufferFullException;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Publishes messages into one room without waiting for each acknowledgement, and prints each
 * message's offset as it is acknowledged, in the order the messages were given. When the
 * client's bound of unacknowledged publishes is reached it waits for the oldest one instead of
 * failing. The first refusal is kept; {@link #failed()} tells the caller to stop.
 *
 * <p>Used from one thread; offsets are printed from the client's callback thread.
 */
final class OrderedPublisher {
    private final AgentBusClient client;
    private final String room;
    private final PrintStream out;
    private final Deque<CompletableFuture<Published>> unacknowledged = new ArrayDeque<>();
    private CompletableFuture<Void> printed = CompletableFuture.completedFuture(null);
    private volatile PublishFailure firstFailure;

    OrderedPublisher(AgentBusClient client, String room, PrintStream out) {
        this.client = client;
        this.room = room;
        this.out = out;
    }

    /** Publishes {@code message}; {@code source} names it in an error report ({@code line 3}), or is {@code null}. */
    void publish(Message message, String source) {
        CompletableFuture<Published> ack = client.publish(room, message);
        while (isRejectedAsFull(ack)) {
            awaitOldest();
            ack = client.publish(room, message);
        }
        forgetAcknowledged();
        unacknowledged.add(ack);
        CompletableFuture<Published> outcome = ack.whenComplete((p, e) -> recordFailure(source, e));
        printed = printed.thenCombine(outcome.handle((p, e) -> p), (previous, p) -> print(p));
    }

    /** Whether a publish was refused or failed: publish no more. */
    boolean failed() {
        return firstFailure != null;
    }

    /**
     * Waits until every publish was acknowledged or failed, and every offset printed.
     *
     * @return the first failure, or {@code null} when every message was acknowledged
     */
    PublishFailure awaitAll() {
        printed.join();
        out.flush();
        return firstFailure;
    }

    private Void print(Published p) {
        if (p != null) {
            out.println(p.offset());
            out.flush();
        }
        return null;
    }

    private void recordFailure(String source, Throwable e) {
        if (e != null && firstFailure == null) {
            firstFailure = new PublishFailure(source, e);
        }
    }

    private void awaitOldest() {
        CompletableFuture<Published> oldest = unacknowledged.poll();
        if (oldest == null) {
            throw new IllegalStateException("the publish buffer is full but none of this command's publishes"
                    + " is pending");
        }
        oldest.handle((p, e) -> null).join();
    }

    private void forgetAcknowledged() {
        while (!unacknowledged.isEmpty() && unacknowledged.peek().isDone()) {
            unacknowledged.poll();
        }
    }

    private static boolean isRejectedAsFull(CompletableFuture<Published> ack) {
        return ack.isCompletedExceptionally() && ack.handle((p, e) -> unwrap(e) instanceof PublishBufferFullException)
                .join();
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /**
     * A publish that was not acknowledged.
     *
     * @param source what was being published, e.g. {@code line 3}, or {@code null}
     */
    record PublishFailure(String source, Throwable cause) {
    }
}
