package io.agentbus.server.ratelimit;

import io.agentbus.server.config.RateLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The server's rate limits: the buckets of every IP address and client id that has a connection
 * open or has not yet refilled. Any event loop may call it. {@link #sweep()} forgets the keys
 * nobody uses whose buckets are full again; the server runs it every few seconds.
 */
public final class RateLimiter {
    private final RateLimits limits;
    private final ConcurrentMap<InetAddress, Allowance> ips = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Allowance> clients = new ConcurrentHashMap<>();
    private final Function<InetAddress, Allowance> newIp;
    private final Function<String, Allowance> newClient;

    public RateLimiter(RateLimits limits) {
        this.limits = limits;
        this.newIp = ip -> new Allowance("IP address " + ip.getHostAddress(), limits.messagesPerIp(),
                limits.bytesPerIp(), limits.connectionsPerIp());
        this.newClient = id -> new Allowance("client '" + id + "'", limits.messagesPerClient(),
                limits.bytesPerClient(), null);
    }

    /**
     * The rates of a newly accepted connection, holding its IP address's buckets until it closes.
     * Ask {@link ConnectionRates#connectionWaitMs()} whether the connection may stay.
     */
    public ConnectionRates open(Channel channel) {
        InetAddress ip = channel.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        ConnectionRates rates = new ConnectionRates(this, ip == null ? null : acquire(ips, ip, newIp),
                limits.refusalsBeforeClose(), limits.refusalWindowMs());
        channel.closeFuture().addListener((ChannelFutureListener) f -> {
            rates.release();
            if (ip != null) {
                release(ips, ip);
            }
        });
        channel.attr(ConnectionRates.KEY).set(rates);
        return rates;
    }

    /** Forgets the keys nobody uses whose buckets are full. */
    public void sweep() {
        sweep(ips);
        sweep(clients);
    }

    Allowance acquireClient(String clientId) {
        return acquire(clients, clientId, newClient);
    }

    void releaseClient(String clientId) {
        release(clients, clientId);
    }

    private static <K> Allowance acquire(ConcurrentMap<K, Allowance> map, K key, Function<K, Allowance> create) {
        return map.compute(key, (k, a) -> {
            Allowance allowance = a == null ? create.apply(k) : a;
            allowance.users++;
            return allowance;
        });
    }

    private static <K> void release(ConcurrentMap<K, Allowance> map, K key) {
        map.computeIfPresent(key, (k, a) -> --a.users == 0 && a.idle() ? null : a);
    }

    private static <K> void sweep(ConcurrentMap<K, Allowance> map) {
        for (K key : map.keySet()) {
            map.computeIfPresent(key, (k, a) -> a.idle() ? null : a);
        }
    }
}
