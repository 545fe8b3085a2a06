package io.agentbus.server.it;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes a stream into a room at a fixed rate, open loop: message i is due at start + i /
 * rate and carries that intended time ({@code System.nanoTime()}) in its body (padded to about 1 KB), so a publisher
 * that falls behind does not hide the delay (coordinated omission). Its acknowledgements are
 * read and discarded by a thread of its own.
 */
final class StreamPublisher implements AutoCloseable {
    private final StreamSocket socket;
    private final String room;
    private static final String PAD = "x".repeat(1000);
    private final byte[] frame = new byte[2048];

    private StreamPublisher(StreamSocket socket, String room) {
        this.socket = socket;
        this.room = room;
    }

    static StreamPublisher open(int port, String client, String room) throws IOException {
        StreamSocket socket = StreamSocket.open(port, 0);
        socket.sendText("{\"op\":\"hello\",\"client\":\"" + client + "\"}");
        socket.awaitText("\"op\":\"welcome\"");
        StreamPublisher p = new StreamPublisher(socket, room);
        Thread acks = new Thread(p::discardInput, "stream-acks");
        acks.setDaemon(true);
        acks.start();
        return p;
    }

    /**
     * Publishes {@code normal} messages of priority normal, then {@code mixed} messages of which
     * every second is high, at {@code perSecond}.
     */
    void stream(int perSecond, int normal, int mixed) throws IOException {
        long intervalNs = 1_000_000_000L / perSecond;
        long startNs = System.nanoTime();
        int total = normal + mixed;
        for (int i = 0; i < total; ) {
            long dueNs = startNs + i * intervalNs;
            long waitNs = dueNs - System.nanoTime();
            if (waitNs > 0) {
                socket.flush();
                LockSupport.parkNanos(waitNs);
                continue;
            }
            String priority = i >= normal && (i & 1) == 1 ? "high" : "normal";
            send("{\"op\":\"pub\",\"room\":\"" + room + "\",\"priority\":\"" + priority + "\",\"body\":{\"t\":"
                    + dueNs + ",\"pad\":\"" + PAD + "\"}}");
            i++;
        }
        socket.flush();
    }

    /** Publishes the end mark {@code end} at priority critical (never dropped: the members wait for it). */
    void end(long end) throws IOException {
        send("{\"op\":\"pub\",\"room\":\"" + room + "\",\"priority\":\"critical\",\"body\":{\"end\":" + end + "}}");
        socket.flush();
    }

    private void send(String json) throws IOException {
        int n = json.length();
        for (int i = 0; i < n; i++) {
            frame[i] = (byte) json.charAt(i);
        }
        socket.text(frame, n);
    }

    private void discardInput() {
        try {
            while (socket.readFrame() != StreamSocket.OPCODE_CLOSE) {
                // acknowledgements: nothing to check here
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
