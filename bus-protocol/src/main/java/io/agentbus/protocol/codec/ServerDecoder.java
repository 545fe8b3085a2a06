package io.agentbus.protocol.codec;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.Dropped;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.HistoryReply;
import io.agentbus.protocol.frame.Member;
import io.agentbus.protocol.frame.Msg;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Pong;
import io.agentbus.protocol.frame.Presence;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.ServerFrame;
import io.agentbus.protocol.frame.Welcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds server frames from scanned {@link FieldValues}, for clients. As strict about types and
 * ids as {@link ClientDecoder}; message fields default as in {@code pub} when absent. Rooms a
 * client reads may be system rooms, whose messages come from the server ({@code from} {@code $sys}).
 */
final class ServerDecoder {
    private static final long ANY = Long.MAX_VALUE;
    private static final String STATUSES = "open, approved, rejected, vetoed, expired";
    private static final String EVENTS = "joined, left";
    private static final String CODES = "bad_request, unauthenticated, forbidden, not_found, rate_limited, "
            + "too_large, overloaded, internal";

    private ServerDecoder() {
    }

    static ServerFrame decode(FieldValues v) throws ProtocolException {
        String rid = v.rid();
        String op = ClientDecoder.op(v);
        v.throwIfFailed(rid);
        ServerFrame frame = byOp(op, v, rid);
        v.throwIfFailed(rid);
        return frame;
    }

    private static ServerFrame byOp(String op, FieldValues v, String rid) throws ProtocolException {
        switch (op) {
            case "welcome": return welcome(v, rid);
            case "pong": return new Pong(rid);
            case "ok": return ok(v, rid);
            case "msg": return msg(v);
            case "presence": return presence(v);
            case "history": return history(v, rid);
            case "decision": return decision(v);
            case "dropped": return dropped(v);
            case "error": return error(v, rid);
            default: throw ClientDecoder.unknownOp(op, rid);
        }
    }

    private static Welcome welcome(FieldValues v, String rid) {
        String client = v.requiredId(Field.CLIENT);
        String session = v.requiredString(Field.SESSION);
        String server = v.requiredString(Field.SERVER);
        long heartbeatMs = v.requiredLong(Field.HEARTBEAT_MS, 0, ANY);
        return new Welcome(rid, client, session, server, heartbeatMs);
    }

    private static Ok ok(FieldValues v, String rid) {
        String room = v.optionalReadableId(Field.ROOM);
        long offset = v.optionalLong(Field.OFFSET, Ok.NO_OFFSET, 0, ANY);
        List<Member> members = members(v);
        String decision = v.optionalString(Field.DECISION);
        String sha256 = v.optionalString(Field.SHA256);
        boolean duplicate = v.optionalBoolean(Field.DUPLICATE, false);
        String epoch = v.optionalString(Field.EPOCH);
        Boolean recovered = v.has(Field.RECOVERED) ? v.optionalBoolean(Field.RECOVERED, false) : null;
        return new Ok(rid, room, offset, members, decision, sha256, duplicate, epoch, recovered);
    }

    private static List<Member> members(FieldValues v) {
        List<FieldValues> objects = v.optionalObjects(Field.MEMBERS);
        if (objects == null) {
            return null;
        }
        List<Member> members = new ArrayList<>(objects.size());
        for (FieldValues o : objects) {
            members.add(new Member(o.requiredId(Field.CLIENT), o.requiredString(Field.ROLE)));
            absorb(v, o, Field.MEMBERS);
        }
        return members;
    }

    static Msg msg(FieldValues v) {
        String room = v.optionalReadableId(Field.ROOM);
        String to = v.optionalId(Field.TO);
        if (room == null && to == null && !v.failed()) {
            v.fail("missing field: room or to");
        }
        long offset = v.requiredLong(Field.OFFSET, 0, ANY);
        String from = v.requiredReadableId(Field.FROM);
        String channel = v.optionalText(Field.CHANNEL, Pub.DEFAULT_CHANNEL, ClientDecoder.MAX_WORD_CHARS);
        String type = v.optionalText(Field.TYPE, Pub.DEFAULT_TYPE, ClientDecoder.MAX_WORD_CHARS);
        long ts = v.requiredLong(Field.TS, 0, ANY);
        String id = v.optionalString(Field.ID);
        return new Msg(room, to, offset, from, channel, type, ClientDecoder.priority(v), ts, v.body(), id);
    }

    private static Presence presence(FieldValues v) {
        String room = v.requiredReadableId(Field.ROOM);
        String client = v.requiredId(Field.CLIENT);
        String role = v.requiredString(Field.ROLE);
        Presence.Event event = Presence.Event.fromWire(v.choice(Field.EVENT, null, EVENTS));
        if (event == null) {
            v.rejectChoice(Field.EVENT, EVENTS, null);
        }
        return new Presence(room, client, role, event);
    }

    private static HistoryReply history(FieldValues v, String rid) {
        String room = v.requiredReadableId(Field.ROOM);
        List<FieldValues> objects = v.optionalObjects(Field.MESSAGES);
        List<Msg> messages = new ArrayList<>(objects == null ? 0 : objects.size());
        if (objects != null) {
            for (FieldValues o : objects) {
                messages.add(msg(o));
                absorb(v, o, Field.MESSAGES);
            }
        }
        return new HistoryReply(rid, room, messages, v.optionalBoolean(Field.MORE, false));
    }

    private static DecisionUpdate decision(FieldValues v) {
        String room = v.requiredId(Field.ROOM);
        String decision = v.requiredString(Field.DECISION);
        String title = v.requiredString(Field.TITLE);
        DecisionRule rule = ClientDecoder.rule(v);
        DecisionStatus status = DecisionStatus.fromWire(v.choice(Field.STATUS, null, STATUSES));
        if (status == null) {
            v.rejectChoice(Field.STATUS, STATUSES, null);
        }
        FieldValues tally = v.requiredObject(Field.TALLY);
        if (tally == null) {
            return new DecisionUpdate(room, decision, title, rule, status, 0, 0, 0);
        }
        DecisionUpdate update = new DecisionUpdate(room, decision, title, rule, status,
                count(tally, Field.YES), count(tally, Field.NO), count(tally, Field.VETO));
        absorb(v, tally, Field.TALLY);
        return update;
    }

    private static int count(FieldValues tally, Field f) {
        return (int) tally.optionalLong(f, 0, 0, Integer.MAX_VALUE);
    }

    private static Dropped dropped(FieldValues v) {
        String room = v.requiredReadableId(Field.ROOM);
        long from = v.requiredLong(Field.FROM_OFFSET, 0, ANY);
        long to = v.requiredLong(Field.TO_OFFSET, 0, ANY);
        return new Dropped(room, from, to, v.optionalString(Field.REASON));
    }

    private static ErrorFrame error(FieldValues v, String rid) {
        ErrorCode code = ErrorCode.fromWire(v.choice(Field.CODE, null, CODES));
        if (code == null) {
            v.rejectChoice(Field.CODE, CODES, null);
        }
        String message = v.requiredString(Field.MESSAGE);
        long retryAfterMs = v.optionalLong(Field.RETRY_AFTER_MS, ErrorFrame.NO_RETRY_AFTER, 0, ANY);
        return new ErrorFrame(rid, code, message, retryAfterMs);
    }

    /** Carries a nested object's first fault into its parent, prefixed with the parent field. */
    private static void absorb(FieldValues parent, FieldValues child, Field field) {
        if (child.failed()) {
            parent.fail(field.wireName + ": " + child.fault());
        }
    }
}
