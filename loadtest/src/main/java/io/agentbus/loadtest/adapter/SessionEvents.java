package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.measure.Count;
import io.agentbus.loadtest.payload.Stamp;

/** What a session reports, on its event loop. */
public interface SessionEvents {
    /** Connected, handshaken and subscribed: the connection may publish and will hear its room. */
    void onReady();

    /** A measured message arrived; {@code stamp} is valid during the call only. */
    void onDelivery(Stamp stamp);

    /** The server acknowledged the publish intended at {@code intendedNanos}. */
    void onAck(long intendedNanos);

    /** One error of this kind. */
    void onError(Count kind);

    /** Connecting or setting up failed, or the connection failed afterwards. */
    void onFailure(String reason);

    /** The connection is closed. */
    void onClosed();
}
