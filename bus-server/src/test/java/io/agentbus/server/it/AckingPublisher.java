package io.agentbus.server.it;

import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.ServerFrame;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Publishes {@code "prefix/seq"} bodies into one room with up to {@link #WINDOW} unacknowledged,
 * recording each {@code ok}'s offset by body, until the server closes the connection or dies.
 * Counts {@code firstAck} down at its first {@code ok}. Run it on a thread of its own; a failure
 * (any frame other than an {@code ok}) lands in {@link #failure}.
 */
final class AckingPublisher implements Runnable {
    private static final int WINDOW = 16;

    final String client;
    final WsClient ws;
    /** Every acknowledged message: its body's JSON and the offset its {@code ok} named. */
    final Map<String, Long> acks = new ConcurrentHashMap<>();
    volatile Throwable failure;
    private final String room;
    private final String bodyPrefix;
    private final CountDownLatch firstAck;
    private boolean acked;

    AckingPublisher(String client, WsClient ws, String room, String bodyPrefix, CountDownLatch firstAck) {
        this.client = client;
        this.ws = ws;
        this.room = room;
        this.bodyPrefix = bodyPrefix;
        this.firstAck = firstAck;
    }

    @Override
    public void run() {
        try {
            publishUntilClosed();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void publishUntilClosed() throws InterruptedException {
        long sent = 0;
        long received = 0;
        while (true) {
            try {
                for (; sent - received < WINDOW && !ws.isClosed(); sent++) {
                    ws.send("{\"op\":\"pub\",\"rid\":\"" + sent + "\",\"room\":\"" + room + "\",\"body\":"
                            + body(sent) + "}");
                }
            } catch (RuntimeException sendFailedAsTheServerWentAway) {
                drainUntilClosed();
                return;
            }
            String frame = ws.poll(100);
            if (frame == null) {
                if (ws.isClosed()) {
                    return;
                }
            } else {
                onAck(frame);
                received++;
            }
        }
    }

    private void drainUntilClosed() throws InterruptedException {
        for (String frame = ws.poll(0); frame != null || !ws.isClosed(); frame = ws.poll(100)) {
            if (frame != null) {
                onAck(frame);
            }
        }
    }

    private void onAck(String frame) {
        ServerFrame parsed = ServerFrames.parse(frame);
        if (!(parsed instanceof Ok ok)) {
            throw new AssertionError(client + " expected only ok frames, got " + frame);
        }
        acks.put(body(Long.parseLong(ok.rid())), ok.offset());
        if (!acked) {
            acked = true;
            firstAck.countDown();
        }
    }

    private String body(long seq) {
        return "\"" + bodyPrefix + "/" + seq + "\"";
    }
}
