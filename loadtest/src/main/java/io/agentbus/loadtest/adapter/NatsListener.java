package io.agentbus.loadtest.adapter;

import io.netty.buffer.ByteBuf;

/** The NATS protocol messages {@link NatsParser} recognises. */
interface NatsListener {
    /** The server's {@code INFO}. */
    void onInfo();

    /**
     * A {@code MSG}'s payload: {@code buf[from, from + length)}, valid during the call only.
     *
     * @param messageBytes the whole message's size: control line, payload and line ends
     */
    void onMsg(ByteBuf buf, int from, int length, int messageBytes);

    void onPing();

    void onPong();

    /** An {@code -ERR} line. */
    void onServerError(String line);

    /** Bytes that are no NATS protocol message (counted; the parser resynchronises on the next line). */
    void onMalformed();
}
