package io.agentbus.protocol.codec;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.ArtifactUpload;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.Hello;
import io.agentbus.protocol.frame.HistoryRequest;
import io.agentbus.protocol.frame.Join;
import io.agentbus.protocol.frame.Leave;
import io.agentbus.protocol.frame.Ping;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Pub;
import io.agentbus.protocol.frame.Send;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.protocol.frame.VoteChoice;

/**
 * Builds client frames from scanned {@link FieldValues}, applying defaults and validating every
 * field. Each op method records faults and returns a record that is discarded when any fault
 * was recorded.
 */
final class ClientDecoder {
    static final int MAX_WORD_CHARS = 64;
    static final int MAX_NAME_CHARS = 255;
    static final String PRIORITIES = "critical, high, normal, low";
    private static final int MAX_OP_ECHO_CHARS = 64;
    private static final int MAX_WEIGHT = 1_000_000;
    private static final String RULES = "majority, consensus, quorum, weighted";
    private static final String CHOICES = "yes, no, veto";

    private ClientDecoder() {
    }

    static ClientFrame decode(FieldValues v) throws ProtocolException {
        String rid = v.rid();
        String op = op(v);
        v.throwIfFailed(rid);
        ClientFrame frame = byOp(op, v, rid);
        v.throwIfFailed(rid);
        return frame;
    }

    static String op(FieldValues v) {
        return v.requiredString(Field.OP);
    }

    private static ClientFrame byOp(String op, FieldValues v, String rid) throws ProtocolException {
        switch (op) {
            case "hello": return hello(v, rid);
            case "ping": return new Ping(rid);
            case "join": return join(v, rid);
            case "leave": return new Leave(rid, v.requiredReadableId(Field.ROOM));
            case "pub": return pub(v, rid, v.requiredId(Field.ROOM));
            case "history": return history(v, rid);
            case "send": return send(v, rid);
            case "propose": return propose(v, rid);
            case "vote": return vote(v, rid);
            case "artifact": return artifact(v, rid);
            default: throw unknownOp(op, rid);
        }
    }

    static ProtocolException unknownOp(String op, String rid) {
        String shown = op.length() > MAX_OP_ECHO_CHARS ? op.substring(0, MAX_OP_ECHO_CHARS) + "..." : op;
        return new ProtocolException(ErrorCode.BAD_REQUEST, "unknown op: " + shown, rid);
    }

    private static Hello hello(FieldValues v, String rid) {
        String client = v.requiredId(Field.CLIENT);
        String token = v.optionalString(Field.TOKEN);
        long inboxSince = v.optionalLong(Field.INBOX_SINCE, Hello.NO_INBOX_SINCE, 0, Long.MAX_VALUE);
        return new Hello(rid, client, token, inboxSince);
    }

    private static Join join(FieldValues v, String rid) {
        String room = v.requiredReadableId(Field.ROOM);
        String role = v.optionalText(Field.ROLE, Join.DEFAULT_ROLE, MAX_WORD_CHARS);
        int weight = (int) v.optionalLong(Field.WEIGHT, 1, 1, MAX_WEIGHT);
        long since = v.optionalLong(Field.SINCE, Join.NO_SINCE, 0, Long.MAX_VALUE);
        boolean echo = v.optionalBoolean(Field.ECHO, true);
        String epoch = v.optionalText(Field.EPOCH, null, MAX_WORD_CHARS);
        return new Join(rid, room, role, weight, since, echo, epoch);
    }

    /** A pub frame, or a REST body (then {@code rid} is null and {@code room} came from the URL). */
    static Pub pub(FieldValues v, String rid, String room) {
        String channel = v.optionalText(Field.CHANNEL, Pub.DEFAULT_CHANNEL, MAX_WORD_CHARS);
        String type = v.optionalText(Field.TYPE, Pub.DEFAULT_TYPE, MAX_WORD_CHARS);
        Priority priority = priority(v);
        String id = v.optionalText(Field.ID, null, MAX_NAME_CHARS);
        return new Pub(rid, room, channel, type, priority, v.body(), id);
    }

    private static HistoryRequest history(FieldValues v, String rid) {
        String room = v.requiredReadableId(Field.ROOM);
        long since = v.optionalLong(Field.SINCE, 0, 0, Long.MAX_VALUE);
        long limit = v.optionalLong(Field.LIMIT, HistoryRequest.DEFAULT_LIMIT, 1, HistoryRequest.MAX_LIMIT);
        return new HistoryRequest(rid, room, since, (int) limit);
    }

    private static Send send(FieldValues v, String rid) {
        String to = v.requiredId(Field.TO);
        String type = v.optionalText(Field.TYPE, Pub.DEFAULT_TYPE, MAX_WORD_CHARS);
        Priority priority = priority(v);
        String id = v.optionalText(Field.ID, null, MAX_NAME_CHARS);
        return new Send(rid, to, type, priority, v.body(), id);
    }

    private static Propose propose(FieldValues v, String rid) {
        String room = v.requiredId(Field.ROOM);
        String title = v.requiredText(Field.TITLE, Integer.MAX_VALUE);
        DecisionRule rule = rule(v);
        int quorum = (int) v.optionalLong(Field.QUORUM, Propose.DEFAULT_QUORUM, 1, Integer.MAX_VALUE);
        long deadlineMs = v.optionalLong(Field.DEADLINE_MS, Propose.NO_DEADLINE, 1, Long.MAX_VALUE);
        return new Propose(rid, room, title, rule, quorum, deadlineMs);
    }

    private static Vote vote(FieldValues v, String rid) {
        String room = v.requiredId(Field.ROOM);
        String decision = v.requiredText(Field.DECISION, Integer.MAX_VALUE);
        VoteChoice choice = VoteChoice.fromWire(v.choice(Field.CHOICE, null, CHOICES));
        if (choice == null) {
            v.rejectChoice(Field.CHOICE, CHOICES, null);
        }
        return new Vote(rid, room, decision, choice, v.optionalString(Field.COMMENT));
    }

    private static ArtifactUpload artifact(FieldValues v, String rid) {
        String room = v.requiredId(Field.ROOM);
        String name = artifactName(v);
        String contentType = v.optionalText(Field.CONTENT_TYPE, ArtifactUpload.DEFAULT_CONTENT_TYPE, MAX_NAME_CHARS);
        byte[] data = v.requiredBase64(Field.DATA);
        return new ArtifactUpload(rid, room, name, contentType, data);
    }

    /** A file name: no path separators, no NUL, not {@code .} or {@code ..}. */
    private static String artifactName(FieldValues v) {
        String name = v.requiredText(Field.NAME, MAX_NAME_CHARS);
        if (name != null && !ArtifactUpload.isValidName(name)) {
            v.fail("field 'name' must be a file name without '/', '\\', NUL, and not '.' or '..'");
        }
        return name;
    }

    static DecisionRule rule(FieldValues v) {
        DecisionRule rule = DecisionRule.fromWire(v.choice(Field.RULE, null, RULES));
        return rule != null ? rule : v.rejectChoice(Field.RULE, RULES, null);
    }

    static Priority priority(FieldValues v) {
        Priority p = Priority.fromWire(v.choice(Field.PRIORITY, Priority.NORMAL.wireName(), PRIORITIES));
        return p != null ? p : v.rejectChoice(Field.PRIORITY, PRIORITIES, Priority.NORMAL);
    }
}
