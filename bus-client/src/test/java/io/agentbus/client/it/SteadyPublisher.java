package io.agentbus.client.it;

import io.agentbus.client.AgentBusClient;
import io.agentbus.client.Message;
import io.agentbus.client.Published;
import io.agentbus.client.error.PublishBufferFullException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes {@code count} messages {@code "1"…"count"} into a room at a fixed rate on its own
 * thread, through whatever happens to the connection; collects the acknowledgement futures.
 */
final class SteadyPublisher {
    private final AgentBusClient client;
    private final String room;
    private final int count;
    private final long intervalNanos;
    private final List<CompletableFuture<Published>> acks = new ArrayList<>();
    private final Thread thread;
    private volatile Throwable failure;

    SteadyPublisher(AgentBusClient client, String room, int count, int perSecond) {
        this.client = client;
        this.room = room;
        this.count = count;
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.thread = new Thread(this::run, "steady-publisher");
    }

    void start() {
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            for (int i = 1; i <= count; i++) {
                paceTo(start + i * intervalNanos);
                acks.add(publish(Integer.toString(i)));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private CompletableFuture<Published> publish(String text) {
        while (true) {
            CompletableFuture<Published> ack = client.publish(room, Message.text(text));
            if (!ack.isCompletedExceptionally()) {
                return ack;
            }
            try {
                ack.join();
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof PublishBufferFullException)) {
                    throw e;
                }
                waitForOldestPending();
            }
        }
    }

    private void waitForOldestPending() {
        for (CompletableFuture<Published> ack : acks) {
            if (!ack.isDone()) {
                ack.join();
                return;
            }
        }
    }

    private static void paceTo(long deadlineNanos) {
        long wait;
        while ((wait = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Waits until every publish was handed to the client (not necessarily acknowledged). */
    void awaitAllSent() throws InterruptedException {
        thread.join();
    }

    /** Whether no publish has completed yet, either way. */
    boolean noneDone() {
        return acks.stream().noneMatch(CompletableFuture::isDone);
    }

    /** Waits for the thread and every acknowledgement; the offsets in publication order. */
    List<Published> awaitAll() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new AssertionError("the publisher failed", failure);
        }
        List<Published> all = new ArrayList<>(acks.size());
        for (CompletableFuture<Published> ack : acks) {
            all.add(ack.join());
        }
        return all;
    }
}
