package io.agentbus.server.admission;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections in total and per remote IP address. A connection over either limit is
 * not counted; it is told why ({@link #admit}) and answered 503 at its first request. Any
 * event loop may call it: the counts are atomic, an IP address's entry goes when its count does.
 */
public final class ConnectionLimiter {
    private final int maxConnections;
    private final int maxPerIp;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perIp = new ConcurrentHashMap<>();

    public ConnectionLimiter(int maxConnections, int maxPerIp) {
        this.maxConnections = maxConnections;
        this.maxPerIp = maxPerIp;
    }

    /**
     * Counts a new connection until it closes, or says why it cannot be counted.
     *
     * @return {@code null} when admitted, else the reason for the 503
     */
    public String admit(Channel channel) {
        if (total.incrementAndGet() > maxConnections) {
            total.decrementAndGet();
            return "the server has " + maxConnections + " connections open, its limit (max.connections)";
        }
        InetAddress ip = ipOf(channel.remoteAddress());
        if (ip != null && !countIp(ip)) {
            total.decrementAndGet();
            return ip.getHostAddress() + " has " + maxPerIp + " connections open, the limit per IP address"
                    + " (max.connections.per.ip)";
        }
        channel.closeFuture().addListener((ChannelFutureListener) f -> release(ip));
        return null;
    }

    /** Open connections counted now. */
    public int open() {
        return total.get();
    }

    private boolean countIp(InetAddress ip) {
        boolean[] admitted = new boolean[1];
        perIp.compute(ip, (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            admitted[0] = c.get() < maxPerIp;
            if (admitted[0]) {
                c.incrementAndGet();
            }
            return c.get() == 0 ? null : c;
        });
        return admitted[0];
    }

    private void release(InetAddress ip) {
        if (ip != null) {
            perIp.computeIfPresent(ip, (k, count) -> count.decrementAndGet() == 0 ? null : count);
        }
        total.decrementAndGet();
    }

    private static InetAddress ipOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
