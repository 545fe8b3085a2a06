package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.measure.RefusalCode;
import io.agentbus.loadtest.payload.Stamp;

/** What a session reports, on its event loop. */
public interface SessionEvents {
    /** Connected, handshaken and subscribed: the connection may publish and will hear its room. */
    void onReady();

    /**
     * A measured message arrived; {@code stamp} is valid during the call only.
     *
     * @param wireBytes the bytes of the protocol message that carried it (WebSocket payload, or NATS {@code MSG})
     */
    void onDelivery(Stamp stamp, int wireBytes);

    /** The server acknowledged the publish intended at {@code intendedNanos}. */
    void onAck(long intendedNanos);

    /** The server answered the publish intended at {@code intendedNanos} with an error: it will not be delivered. */
    void onRefused(long intendedNanos, RefusalCode code);

    /** One error of this kind. */
    void onError(Count kind);

    /** Connecting or setting up failed, or the connection failed afterwards. */
    void onFailure(String reason);

    /** The connection is closed. */
    void onClosed();
}
