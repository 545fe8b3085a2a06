package io.agentbus.server;

import io.agentbus.server.sequencer.Command;
import io.agentbus.server.sequencer.Sequencer;
import io.agentbus.server.session.Session;
import io.agentbus.server.transport.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order of a graceful stop: stop accepting, let the sequencer finish what it was handed,
 * flush every session's queue and close it with 1001, then stop the sequencer and the event
 * loops. Each wait is bounded by the shutdown timeout.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final long timeoutMs;
    private final ChannelGroup channels;
    private final Channel serverChannel;
    private final Sequencer sequencer;
    private final Transport transport;

    Shutdown(long timeoutMs, ChannelGroup channels, Channel serverChannel, Sequencer sequencer, Transport transport) {
        this.timeoutMs = timeoutMs;
        this.channels = channels;
        this.serverChannel = serverChannel;
        this.sequencer = sequencer;
        this.transport = transport;
    }

    void run() {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(timeoutMs);
        }
        if (sequencer != null) {
            closeSessionsAfterSequencer(deadlineNs);
            sequencer.stop();
        }
        if (transport != null) {
            transport.boss().shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeoutMs);
            transport.workers().shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(timeoutMs);
        }
    }

    private void closeSessionsAfterSequencer(long deadlineNs) {
        CompletableFuture<Void> closing = new CompletableFuture<>();
        sequencer.submitLast(new Command.Inspect(h -> {
            for (Channel channel : channels) {
                closeGoingAway(channel);
            }
            closing.complete(null);
        }));
        try {
            closing.get(remainingMs(deadlineNs), TimeUnit.MILLISECONDS);
            channels.newCloseFuture().awaitUninterruptibly(remainingMs(deadlineNs));
        } catch (TimeoutException e) {
            LOG.warn("shutdown: sequencer did not finish in time; closing connections");
        } catch (Exception e) {
            LOG.warn("shutdown: {}", e.toString());
        }
        channels.close().awaitUninterruptibly(remainingMs(deadlineNs));
    }

    private static void closeGoingAway(Channel channel) {
        Session session = channel.attr(Session.KEY).get();
        if (session != null) {
            session.drainAndClose(Session.CLOSE_GOING_AWAY, "server shutting down");
        } else {
            channel.writeAndFlush(new CloseWebSocketFrame(Session.CLOSE_GOING_AWAY, "server shutting down"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static long remainingMs(long deadlineNs) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime()));
    }
}
