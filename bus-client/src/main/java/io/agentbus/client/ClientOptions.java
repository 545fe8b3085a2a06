package io.agentbus.client;

import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The settings a client runs with, made by {@link AgentBusClient.Builder}.
 *
 * @param uris                the WebSocket endpoints of the nodes, {@code ws://host:port/ws}, tried in
 *                            this order, round robin (see {@link ServerUris})
 * @param clientId            the id to say hello as
 * @param token               the token sent in {@code hello}, or {@code null}
 * @param callbackExecutor    runs listeners and future completions; {@code null}: a thread of the client's own
 * @param eventLoopGroup      the Netty event loops to use; {@code null}: one thread of the client's own
 * @param requestTimeout      how long a request may wait for its reply, from the call
 * @param connectTimeout      how long the first connection may take
 * @param reconnect           back-off between reconnection attempts
 * @param maxPendingPublishes publishes and direct messages that may await their acknowledgement at once
 * @param maxFrameBytes       the largest frame accepted from the server
 * @param inboxSince          the last inbox offset the application holds, or -1 to let the server's cursor decide
 */
public record ClientOptions(List<URI> uris, String clientId, String token, Executor callbackExecutor,
                            EventLoopGroup eventLoopGroup, Duration requestTimeout, Duration connectTimeout,
                            ReconnectPolicy reconnect, int maxPendingPublishes, int maxFrameBytes, long inboxSince) {
}
