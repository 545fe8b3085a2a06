/**
 * Cluster mode: several daemons serving the same rooms, linked through Redis
 * ({@code cluster.redis=redis://host:port}). Without it a node assigns its rooms' offsets itself
 * ({@link io.agentbus.server.cluster.LocalOffsets}) and nothing here runs.
 *
 * <p>The seam is {@link io.agentbus.server.cluster.OffsetAuthority}: the sequencer asks it for a
 * publish's offset. {@link io.agentbus.server.cluster.ClusterRooms} answers "later": it hands the
 * message to {@link io.agentbus.server.cluster.RedisLink}, whose Lua script assigns the room's
 * next offset ({@code INCR}), appends the message to the room's stream ({@code XADD}, the stream
 * id is the offset) with the room's epoch, and {@code PUBLISH}es it to every node, all in one
 * atomic step. Every node, the publisher's included, takes the messages from that subscription
 * in Redis's order and applies each room's offsets strictly one after another: a message that
 * arrives ahead of a missing one waits while the gap is read from the stream ({@code XRANGE}).
 * Applying means what a single node does with a message it ordered itself (journal, acknowledge
 * the local publisher, fan out), so the publisher's {@code ok} still comes before its echo, and a
 * publish is acknowledged only after Redis stored it.
 *
 * <p>The room's stream is its replicated log: besides messages it holds <b>events</b>
 * ({@link io.agentbus.server.cluster.RoomEvent}: join, leave, propose, vote, expire), appended by
 * {@link io.agentbus.server.cluster.EventScripts} at stream id {@code LAST-N} (LAST the room's last
 * message offset, N = 1, 2, … after it), so events consume no offset. Every node applies a room's
 * messages and events in stream order ({@link io.agentbus.server.cluster.RoomArrivals} tells the
 * next one), which builds the same cluster-wide membership
 * ({@link io.agentbus.server.cluster.ClusterMembers}) and decisions on every node;
 * {@link io.agentbus.server.cluster.RoomEvents} hands requests of the handlers
 * ({@link io.agentbus.server.cluster.RoomLog}) to the log and applies events through the same
 * handlers, answering its own sessions when their request is applied. Each node renews a heartbeat
 * key; {@link io.agentbus.server.cluster.NodeLiveness} removes the members of a node whose heartbeat
 * expired with one script per room (whichever live node runs it first). A starting node loads each
 * room's members together with the log position they are valid at, then reads the log after it.
 * The epoch's first offset is kept beside the epoch, for a join's {@code recovered}.
 *
 * <p>The sequencer thread never waits for Redis: Lettuce's futures complete on Lettuce's own
 * threads, which hand the outcome back as {@link io.agentbus.server.sequencer.Command}s through
 * {@link io.agentbus.server.sequencer.Sequencer#submitInternal}. The state those commands touch
 * (waiting publishes, each room's arrivals) is the sequencer's alone, like the rest of the bus
 * state.
 *
 * <p>Direct messages go the same way through {@link io.agentbus.server.cluster.ClusterInboxes}:
 * each client's inbox has its own log in Redis ({@link io.agentbus.server.cluster.InboxLink}),
 * every node applies it in inbox-offset order into its own copy of the inbox, and the written
 * cursor is shared (the highest wins). A message with an {@code id} is ordered once per
 * {@code dedup.window.ms} across the nodes: the ordering scripts record the id in Redis
 * ({@link io.agentbus.server.cluster.ClusterDedup}).
 *
 * <p>A Redis that lost its data (a restart without persistence, a {@code FLUSHALL}) must not
 * number a log anew from the floor of whichever node comes first, which may lag behind another:
 * {@link io.agentbus.server.cluster.LogRecovery} holds the log's numbering for a settle time while
 * every node reports its high-water mark, then starts the new epoch above all of them. A request
 * of this node whose place in the log another entry took is refused, never left waiting.
 */
package io.agentbus.server.cluster;
