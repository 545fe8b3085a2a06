package io.agentbus.server.session;

import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.server.auth.Grants;
import io.agentbus.server.delivery.DeliveryQueue;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.metrics.BusMetrics;
import io.agentbus.server.sequencer.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection. The event loop sets {@link #clientId()} at {@code hello}; the
 * sequencer owns {@link #joinedRooms()} and is the only producer into {@link #delivery()}.
 */
public final class Session implements Reply {
    /** Close code when even a critical frame cannot be queued. */
    public static final int CLOSE_SLOW_CONSUMER = 4008;
    /** Close code when the server shuts down. */
    public static final int CLOSE_GOING_AWAY = 1001;
    /** How long a client has to answer the server's close frame before the socket is closed anyway. */
    public static final long CLOSE_HANDSHAKE_TIMEOUT_MS = 2000;
    /** Where a channel keeps its session. */
    public static final AttributeKey<Session> KEY = AttributeKey.valueOf("agentbus.session");

    private final String id;
    private final Channel channel;
    private final DeliveryQueue delivery;
    private final FrameEncoder encoder;
    private final BusMetrics metrics;
    private final List<String> joinedRooms = new ArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile String clientId;
    private Grants grants = Grants.ALL;

    public Session(String id, Channel channel, DeliveryQueue delivery, FrameEncoder encoder, BusMetrics metrics) {
        this.id = id;
        this.channel = channel;
        this.delivery = delivery;
        this.encoder = encoder;
        this.metrics = metrics;
    }

    public String id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public DeliveryQueue delivery() {
        return delivery;
    }

    /** The client id given in {@code hello}, or {@code null} before it. */
    public String clientId() {
        return clientId;
    }

    void clientId(String clientId) {
        this.clientId = clientId;
    }

    /** What the session's token allows; every right in development mode. Its event loop only. */
    Grants grants() {
        return grants;
    }

    void grants(Grants grants) {
        this.grants = grants;
    }

    /** Rooms this session is a member of. Sequencer thread only. */
    public List<String> joinedRooms() {
        return joinedRooms;
    }

    @Override
    public void send(ServerFrame frame) {
        if (frame instanceof ErrorFrame error) {
            metrics.error(error.code());
        }
        queueControl(encoder.encode(frame));
    }

    @Override
    public void sendHistory(String rid, String room, List<byte[]> messages, boolean more) {
        queueControl(encoder.encodeHistory(rid, room, messages, more));
    }

    /** Queues an encoded reply or notice (ownership passes); closes 4008 when it cannot. */
    public void queueControl(ByteBuf frame) {
        if (delivery.offerControl(frame)) {
            delivery.signal();
        } else {
            frame.release();
            close(CLOSE_SLOW_CONSUMER, "slow consumer");
        }
    }

    /**
     * Writes a close frame with this code; the connection closes when the client answers it, or
     * {@link #CLOSE_HANDSHAKE_TIMEOUT_MS} later (then once the frame is out, at most as long
     * again): closing at once while the client still sends would reset the socket, and the client
     * would lose the close frame. Only the first call counts. Any thread.
     */
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (code == CLOSE_SLOW_CONSUMER) {
            metrics.slowConsumerClosed();
        }
        channel.eventLoop().execute(() -> {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        });
    }

    /**
     * Flushes everything queued, then sends a close frame with this code. Any thread. The
     * connection closes when the client answers the close (or at the force-close timeout): closing
     * the socket while the client is still sending would reset it, and the client would lose the
     * close frame and what came before it.
     */
    public void drainAndClose(int code, String reason) {
        channel.eventLoop().execute(() -> {
            if (channel.isActive()) {
                delivery.drainAll();
            }
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        });
    }

    @Override
    public String toString() {
        return "Session[" + id + ", client=" + clientId + "]";
    }
}
