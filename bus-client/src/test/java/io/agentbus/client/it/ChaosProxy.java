package io.agentbus.client.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of the daemon that a test can break: {@link #dropConnections()}
 * closes every proxied socket at once (to the client it looks like the server hung up),
 * {@link #blackhole(boolean)} stops forwarding so requests get no reply, and
 * {@link #pauseDownstream(boolean)} stops reading from the server, like a slow client.
 */
public final class ChaosProxy implements AutoCloseable {
    private static final int SERVER_SOCKET_BUFFER_BYTES = 8192;
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object pauseLock = new Object();
    private volatile boolean blackhole;
    private boolean paused;
    private volatile boolean closed;

    public ChaosProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "chaos-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws");
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Closes every proxied connection, both sides. */
    public void dropConnections() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** While on, bytes are read and discarded instead of forwarded, in both directions. */
    public void blackhole(boolean on) {
        blackhole = on;
    }

    /**
     * While on, nothing is read from the server, so its socket fills up and it sees a slow
     * consumer (the proxy's sockets to the server have small buffers for this).
     */
    public void pauseDownstream(boolean on) {
        synchronized (pauseLock) {
            paused = on;
            pauseLock.notifyAll();
        }
    }

    private void awaitUnpaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !closed) {
                pauseLock.wait();
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket();
                server.setReceiveBufferSize(SERVER_SOCKET_BUFFER_BYTES);
                server.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        Thread t = new Thread(() -> copy(from, to, downstream), "chaos-proxy-" + (downstream ? "down" : "up"));
        t.setDaemon(true);
        t.start();
    }

    private void copy(Socket from, Socket to, boolean downstream) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (downstream) {
                    awaitUnpaused();
                }
                if (!blackhole) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // closed by dropConnections or by the other side: the connection is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        pauseDownstream(false);
        listener.close();
        dropConnections();
    }
}
