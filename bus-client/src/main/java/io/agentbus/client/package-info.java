/**
 * The agentbus Java client: {@link io.agentbus.client.AgentBusClient} connects to a server,
 * joins rooms, publishes and sends, and hands each message to the application once, across
 * reconnects. Operations return {@link java.util.concurrent.CompletableFuture}s; listeners and
 * completions run on a callback thread, never on the I/O thread.
 *
 * <pre>{@code
 * try (AgentBusClient bus = AgentBusClient.builder(URI.create("ws://127.0.0.1:7070/ws"), "coder-1")
 *         .onMessage(m -> System.out.println(m.room() + " #" + m.offset() + " " + m.from() + ": " + m.bodyJson()))
 *         .connect()) {                                  // waits for the server's welcome
 *     bus.join("build-42", JoinOptions.DEFAULT.role("coder").since(0)).join();   // replays history
 *     Published p = bus.publish("build-42", Message.text("on it").priority(Priority.HIGH)).join();
 *     System.out.println("published at offset " + p.offset());
 *     bus.send("reviewer-1", Message.json("{\"pr\":12}").type("review_request"))
 *        .exceptionally(e -> { System.err.println("send failed: " + e.getCause()); return null; });
 *     bus.onDirectMessage(m -> System.out.println("direct from " + m.from() + ": " + m.text()));
 *     try {
 *         bus.history("nosuch", 0, 10).join();
 *     } catch (CompletionException e) {
 *         NotFoundException notFound = (NotFoundException) e.getCause();   // typed, server's message kept
 *     }
 * }
 * }</pre>
 *
 * <p><b>Reconnects.</b> When the connection drops, the client reconnects with exponential
 * back-off and jitter ({@link io.agentbus.client.ReconnectPolicy}), says {@code hello} again with
 * its last contiguous inbox offset, rejoins every room with {@code since} = the highest offset up
 * to which it handed every message over, and skips offsets it already handed over, so the
 * application sees each offset once. Publishes and direct messages made while disconnected, or
 * sent but not acknowledged, are buffered (up to
 * {@link io.agentbus.client.AgentBusClient.Builder#maxPendingPublishes}) and sent after the
 * reconnect with their original idempotency ids, which the server uses to drop duplicates.
 * Other requests in flight when the connection drops fail with
 * {@link io.agentbus.client.error.ConnectionLostException}.
 *
 * <p><b>Several nodes.</b> Given a cluster's nodes
 * ({@link io.agentbus.client.AgentBusClient#builder(java.util.List, String)},
 * {@link io.agentbus.client.ServerUris#parse}), the client reconnects to the next node, round
 * robin, each time the connection drops or a node refuses it, and resumes there as above,
 * rejoining with each room's last {@code epoch} too. A node that answers a rejoin with
 * {@code "recovered":false} (the cluster lost history after the client's offset) is reported to
 * {@link io.agentbus.client.AgentBusClient#onHistoryLost} listeners, never silently. Every
 * publish and direct message carries an id (the client makes one when the message has none), so
 * all unacknowledged ones are re-sent to the new node, whose cluster answers one it already
 * stored with the original offset; other requests fail with
 * {@link io.agentbus.client.error.ConnectionLostException}, their outcome unknown.
 *
 * <p><b>Dropped messages.</b> When the server drops low/normal messages for a slow client it says
 * so with a {@code dropped} notice; the client fetches the range with {@code history} and hands
 * over what it had not had.
 */
package io.agentbus.client;
