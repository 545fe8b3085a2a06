package io.agentbus.server.room;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.server.cluster.OffsetAuthority;
import io.agentbus.server.dedup.MessageKey;
import io.agentbus.server.dedup.RecentIds;
import io.agentbus.server.delivery.FrameEncoder;
import io.agentbus.server.journal.GroupCommit;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.agentbus.server.metrics.LatencyRecorder;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.session.Session;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.EpochClock;

/**
 * The path of one room message inside the sequencer: drop a repeated message id (answering the
 * original's offset), assign the room's next offset, append the encoded {@code msg} frame to the
 * journal, acknowledge, then offer the same bytes to every member. In cluster mode the offset
 * comes from Redis, later ({@link OffsetAuthority}): the message then comes back through
 * {@link #ordered}, on every node. Also answers {@code history}
 * from the journal, and publishes the server's own messages into system rooms, which are kept in
 * memory instead ({@link SystemFeed}).
 */
public final class PublishHandler {
    /** The sender of the messages of system rooms. */
    public static final String SYSTEM_SENDER = "$sys";
    /** Not a {@link System#nanoTime()}: a publish whose acknowledgement is not timed (an artifact's). */
    public static final long NOT_TIMED = Long.MIN_VALUE;
    private static final String SYSTEM_CHANNEL = "main";

    private final BusState state;
    private final Journal journal;
    private final FrameEncoder encoder;
    private final RoomFanout fanout;
    private final EpochClock clock;
    private final RecentIds recentIds;
    private final GroupCommit commit;
    private final LatencyRecorder ackLatency;
    private final OffsetAuthority offsets;

    public PublishHandler(BusState state, Journal journal, FrameEncoder encoder, RoomFanout fanout,
                          EpochClock clock, RecentIds recentIds, GroupCommit commit, LatencyRecorder ackLatency,
                          OffsetAuthority offsets) {
        this.ackLatency = ackLatency;
        this.offsets = offsets;
        this.state = state;
        this.journal = journal;
        this.encoder = encoder;
        this.fanout = fanout;
        this.clock = clock;
        this.recentIds = recentIds;
        this.commit = commit;
    }

    /**
     * Publishes {@code pub} as {@code from}: the publisher's {@code ok} is queued before the
     * message is offered to anyone, so it never arrives after the publisher's own echo.
     *
     * <p>A {@code pub} whose {@code id} {@code from} already used in this room within the window is
     * not published again: it is acknowledged with the original's offset, marked duplicate.
     *
     * <p>With {@code ack-after-sync} the {@code ok} and the delivery wait for the batch's sync
     * ({@link GroupCommit}); so does a duplicate's {@code ok} while anything waits.
     *
     * @param publisher  the publishing session, or {@code null} for REST
     * @param sha256     the artifact the message announces, carried in the {@code ok}, or {@code null}
     * @param receivedNs when the {@code pub} was decoded, for the publish→ack latency, or {@link #NOT_TIMED}
     */
    public void publish(Reply reply, Session publisher, String from, Pub pub, String sha256, long receivedNs) {
        Room room = state.roomOrCreate(pub.room());
        long ts = clock.time();
        MessageKey key = pub.id() == null ? null : MessageKey.inRoom(from, room.id(), pub.id());
        long original = recentIds.offsetOf(key, ts);
        if (original != RecentIds.NOT_SEEN) {
            duplicate(reply, publisher, room, pub.rid(), original, receivedNs);
            return;
        }
        long offset = offsets.next(room, reply, publisher, from, pub, sha256, ts, receivedNs);
        if (offset == OffsetAuthority.LATER) {
            return;
        }
        Msg msg = new Msg(room.id(), null, offset, from, pub.channel(), pub.type(), pub.priority(), ts, pub.body(),
                pub.id());
        appendAndDeliver(room, msg, key, reply, publisher, pub.rid(), sha256, receivedNs);
    }

    /**
     * Answers a repeated message id with the original's {@code offset}, marked duplicate, behind
     * the acknowledgements the group commit holds: nothing is journaled or delivered.
     */
    public void duplicate(Reply reply, Session publisher, Room room, String rid, long offset, long receivedNs) {
        Ok duplicate = Ok.duplicate(rid, room.id(), offset);
        commit.afterHeld(new HeldPublish(this, reply, publisher, room, duplicate, null, null, receivedNs));
    }

    /**
     * Journals and delivers a message the cluster ordered at {@code msg.offset()}, the room's next;
     * acknowledges it first when this node's {@code reply} waits for it ({@code null} when another
     * node published it).
     */
    public void ordered(Room room, Msg msg, Reply reply, Session publisher, String rid, String sha256,
                        long receivedNs) {
        MessageKey key = msg.id() == null ? null : MessageKey.inRoom(msg.from(), room.id(), msg.id());
        appendAndDeliver(room, msg, key, reply, publisher, rid, sha256, receivedNs);
    }

    /**
     * Journals {@code msg} at its offset, remembers its id, then acknowledges and delivers it (at
     * once, or after the group commit's sync).
     */
    private void appendAndDeliver(Room room, Msg msg, MessageKey key, Reply reply, Session publisher, String rid,
                                  String sha256, long receivedNs) {
        byte[] json = encoder.toBytes(msg);
        RoomMessage record = new RoomMessage(room.id(), msg.offset(), msg.ts(), json);
        state.apply(record, journal.append(record));
        recentIds.remember(key, msg.offset(), msg.ts());
        room.countIn();
        Ok ok = new Ok(rid, room.id(), msg.offset(), null, null, sha256);
        if (commit.holdsAcks()) {
            commit.whenDurable(new HeldPublish(this, reply, publisher, room, ok, json, msg.priority(), receivedNs));
        } else {
            deliver(reply, publisher, room, ok, json, msg.priority(), receivedNs);
        }
    }

    /** Acknowledges (unless no one waits: {@code reply} is {@code null}), then offers the message to every member. */
    private void deliver(Reply reply, Session publisher, Room room, Ok ok, byte[] json, Priority priority,
                         long receivedNs) {
        long nowNs = System.nanoTime(); // one clock read for the ack latency and the frame's offer time
        if (reply != null) {
            reply.send(ok);
            acknowledged(receivedNs, nowNs);
        }
        fanOut(publisher, room, json, priority, ok.offset(), nowNs);
    }

    private void fanOut(Session publisher, Room room, byte[] json, Priority priority, long offset, long nowNs) {
        ByteBuf frame = encoder.wrapSequenced(json, nowNs);
        fanout.message(room, frame, priority, offset, publisher);
        frame.release();
    }

    private void acknowledged(long receivedNs, long nowNs) {
        if (receivedNs != NOT_TIMED) {
            ackLatency.record(nowNs - receivedNs);
        }
    }

    /**
     * Publishes a message of the server into a system room, at {@code low} priority: kept in the
     * room's {@link SystemFeed}, not journaled, not counted in the room metrics.
     */
    public void publishSystem(String roomId, String type, JsonValue body) {
        Room room = state.room(roomId);
        SystemFeed feed = room.feed();
        long offset = feed.lastOffset() + 1;
        byte[] json = encoder.toBytes(new Msg(room.id(), null, offset, SYSTEM_SENDER, SYSTEM_CHANNEL, type,
                Priority.LOW, clock.time(), body, null));
        feed.append(json);
        fanOut(null, room, json, Priority.LOW, offset, System.nanoTime());
    }

    /**
     * Answers with up to {@code limit} messages after {@code since}, in offset order; with
     * {@code not_found} when retention removed some of them.
     */
    public void history(Reply reply, HistoryRequest request) {
        Room room = state.room(request.room());
        if (room == null) {
            reply.send(new ErrorFrame(request.rid(), ErrorCode.NOT_FOUND,
                    "room '" + request.room() + "' does not exist"));
            return;
        }
        if (!room.isSystem() && request.since() + 1 < room.firstOffset()) {
            reply.send(new ErrorFrame(request.rid(), ErrorCode.NOT_FOUND, "room '" + room.id() + "' keeps offsets "
                    + room.firstOffset() + " and later only (retention removed the older ones): ask with since >= "
                    + (room.firstOffset() - 1)));
            return;
        }
        long last = room.lastOffset();
        long since = Math.max(request.since(), room.firstOffset() - 1); // a system room keeps a window
        long end = Math.min(last, since + request.limit());
        List<byte[]> messages = new ArrayList<>((int) Math.max(0, end - since));
        for (long offset = since + 1; offset <= end; offset++) {
            byte[] frame = room.frameAt(journal, offset);
            if (frame != null) {
                messages.add(frame);
            }
        }
        reply.sendHistory(request.rid(), room.id(), messages, end < last);
    }

    /** A publish (or a duplicate's answer, without {@code json}) waiting for the journal sync. */
    private record HeldPublish(PublishHandler handler, Reply reply, Session publisher, Room room, Ok ok, byte[] json,
                               Priority priority, long receivedNs) implements GroupCommit.Durable {
        @Override
        public void onDurable() {
            if (json == null) {
                reply.send(ok);
                handler.acknowledged(receivedNs, System.nanoTime());
            } else {
                handler.deliver(reply, publisher, room, ok, json, priority, receivedNs);
            }
        }

        @Override
        public void onSyncFailed(Exception failure) {
            if (reply != null) {
                reply.send(new ErrorFrame(ok.rid(), ErrorCode.INTERNAL, "the journal could not be synced to disk ("
                        + failure.getMessage() + "): offset " + ok.offset() + " may not survive a power loss"));
            }
            if (json != null) {
                handler.fanOut(publisher, room, json, priority, ok.offset(), System.nanoTime());
            }
        }
    }
}
