package io.agentbus.loadtest.adapter;

import io.agentbus.loadtest.transport.FrameListener;
import io.netty.channel.ChannelFuture;

/** One connection's protocol: it listens to the transport and publishes measured messages. */
public interface TargetSession extends FrameListener {
    /** Writes one measured message (not flushed); only after {@code onReady}, on the event loop. */
    void publish(long intendedNanos, int publisher, long sequence);

    /** Flushes what {@link #publish} wrote. */
    void flush();

    /** Closes the connection with status 1000 (from any thread); {@code null} if it never opened. */
    ChannelFuture close();
}
