package io.agentbus.server.decision;

import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.frame.DecisionStatus;
import io.agentbus.protocol.frame.DecisionUpdate;
import io.agentbus.protocol.frame.ErrorFrame;
import io.agentbus.protocol.frame.Ok;
import io.agentbus.protocol.frame.Propose;
import io.agentbus.protocol.frame.Vote;
import io.agentbus.protocol.frame.VoteChoice;
import io.agentbus.server.cluster.RoomLog;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalUnavailableException;
import io.agentbus.server.journal.JournalRecord.DecisionClosed;
import io.agentbus.server.journal.JournalRecord.DecisionOpened;
import io.agentbus.server.journal.JournalRecord.VoteCast;
import io.agentbus.server.room.Membership;
import io.agentbus.server.room.Room;
import io.agentbus.server.room.RoomFanout;
import io.agentbus.server.sequencer.BusState;
import io.agentbus.server.sequencer.Reply;
import io.agentbus.server.session.Session;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.agrona.concurrent.EpochClock;

/**
 * Decisions and votes: open a decision, count each vote under its rule, close it when it is
 * decided or its deadline passes, and tell the room's members on every change.
 */
public final class DecisionHandler {
    private final BusState state;
    private final Journal journal;
    private final RoomFanout fanout;
    private final EpochClock clock;
    private final PriorityQueue<Decision> deadlines =
            new PriorityQueue<>(Comparator.comparingLong(Decision::deadlineAtMs));
    private RoomLog log;

    public DecisionHandler(BusState state, Journal journal, RoomFanout fanout, EpochClock clock) {
        this.state = state;
        this.journal = journal;
        this.fanout = fanout;
        this.clock = clock;
    }

    /** In cluster mode: proposals, votes and expiries go through the rooms' logs and count when applied. */
    public void log(RoomLog log) {
        this.log = log;
    }

    /** After replay: every open decision with a deadline is watched again (and expires if due). */
    public void watchOpenDecisions() {
        for (Room room : state.rooms()) {
            for (Decision d : room.decisions().values()) {
                if (d.status() == DecisionStatus.OPEN && d.deadlineAtMs() > 0) {
                    deadlines.add(d);
                }
            }
        }
    }

    public void propose(Session session, Propose propose) {
        Room room = state.room(propose.room());
        if (room == null) {
            session.send(new ErrorFrame(propose.rid(), ErrorCode.NOT_FOUND,
                    "room '" + propose.room() + "' does not exist"));
            return;
        }
        long deadlineAt = propose.deadlineMs() == Propose.NO_DEADLINE ? 0 : clock.time() + propose.deadlineMs();
        if (log != null) {
            log.propose(session, propose, room, deadlineAt);
            return;
        }
        open(room, "d-" + (room.decisions().size() + 1), propose, deadlineAt, session.clientId(), session);
    }

    /**
     * Opens a decision with id {@code id} (in cluster mode once its proposal is applied), answers
     * {@code reply} ({@code null}: nobody here to answer) and tells the room's members here.
     */
    public void open(Room room, String id, Propose propose, long deadlineAt, String proposer, Reply reply) {
        DecisionOpened record = new DecisionOpened(room.id(), id, propose.title(), propose.rule(), propose.quorum(),
                deadlineAt, proposer);
        state.apply(record, journal.append(record));
        Decision decision = room.decisions().get(id);
        if (deadlineAt > 0) {
            deadlines.add(decision);
        }
        if (reply != null) {
            reply.send(new Ok(propose.rid(), room.id(), Ok.NO_OFFSET, null, id, null));
        }
        fanout.notice(room, decision.toFrame(), null);
    }

    public void vote(Session session, Vote vote) {
        Room room = state.room(vote.room());
        Decision decision = room == null ? null : room.decisions().get(vote.decision());
        if (decision == null) {
            session.send(new ErrorFrame(vote.rid(), ErrorCode.NOT_FOUND,
                    "field 'decision': no decision '" + vote.decision() + "' in room '" + vote.room() + "'"));
            return;
        }
        Membership member = room.membershipOf(session);
        String refusal = refusal(decision, member);
        if (refusal != null) {
            ErrorCode code = member == null ? ErrorCode.FORBIDDEN : ErrorCode.BAD_REQUEST;
            session.send(new ErrorFrame(vote.rid(), code, refusal));
            return;
        }
        if (log != null) {
            log.vote(session, vote, room, member.weight());
            return;
        }
        count(room, decision, session.clientId(), vote.choice(), member.weight(), session, vote.rid());
    }

    /**
     * Counts a checked vote (in cluster mode once it is applied: a decision closed meanwhile
     * refuses it), answers {@code reply} ({@code null}: nobody here to answer) and tells the room.
     */
    public void count(Room room, Decision decision, String client, VoteChoice choice, int weight, Reply reply,
                      String rid) {
        if (decision.status().isFinal()) {
            if (reply != null) {
                reply.send(new ErrorFrame(rid, ErrorCode.BAD_REQUEST, "field 'decision': '" + decision.id()
                        + "' is already " + decision.status().wireName()));
            }
            return;
        }
        VoteCast record = new VoteCast(room.id(), decision.id(), client, choice, weight);
        state.apply(record, journal.append(record));
        if (reply != null) {
            reply.send(new Ok(rid, room.id(), Ok.NO_OFFSET, null, decision.id(), null));
        }
        DecisionStatus status = Tally.count(decision, log != null ? log.weights(room) : memberWeights(room));
        if (status.isFinal()) {
            close(room, decision, status);
        } else {
            fanout.notice(room, decision.toFrame(), null);
        }
    }

    /**
     * A vote the room's log applied before this node's members snapshot (a node that starts reads
     * the log again from its last message): the electorate it was counted with is not known here,
     * so it is recorded but does not close the decision, and a vote this node's journal already
     * holds (the client's latest, the same) is not journaled again.
     */
    public void recorded(Room room, Decision decision, String client, VoteChoice choice, int weight) {
        if (decision.status().isFinal() || new Decision.CastVote(choice, weight).equals(decision.votes().get(client))) {
            return;
        }
        VoteCast record = new VoteCast(room.id(), decision.id(), client, choice, weight);
        state.apply(record, journal.append(record));
    }

    /** Expires every decision whose deadline has passed; returns how many. */
    public int expireDue() {
        int expired = 0;
        long now = clock.time();
        while (!deadlines.isEmpty() && deadlines.peek().deadlineAtMs() <= now) {
            Decision decision = deadlines.peek();
            if (decision.status() == DecisionStatus.OPEN) {
                if (log != null) {
                    log.expire(decision);
                } else if (!close(state.room(decision.room()), decision, DecisionStatus.EXPIRED)) {
                    return expired; // the journal refuses appends: try again at the next check
                }
                expired++;
            }
            deadlines.poll();
        }
        return expired;
    }

    /**
     * The room's log applied a decision's expiry: it expires unless it is closed already.
     *
     * @throws JournalUnavailableException when the journal refuses the outcome: the decision stays
     *     open and the expiry is not applied (the log applies it again, it is not appended again)
     */
    public void expired(Room room, Decision decision) {
        if (decision.status() == DecisionStatus.OPEN) {
            closeOrThrow(room, decision, DecisionStatus.EXPIRED);
        }
    }

    /** Watches a decision's deadline again (its expiry could not be appended to the room's log). */
    public void watch(Decision decision) {
        if (decision.status() == DecisionStatus.OPEN) {
            deadlines.add(decision);
        }
    }

    private static String refusal(Decision decision, Membership member) {
        if (member == null) {
            return "voting in room '" + decision.room() + "' needs membership: join it first";
        }
        if (decision.status().isFinal()) {
            return "field 'decision': '" + decision.id() + "' is already " + decision.status().wireName();
        }
        return null;
    }

    /**
     * Journals the outcome, then applies and announces it. While the journal refuses appends the
     * decision stays open, in memory as in the journal, and this returns {@code false}.
     */
    private boolean close(Room room, Decision decision, DecisionStatus status) {
        try {
            closeOrThrow(room, decision, status);
        } catch (JournalUnavailableException e) {
            return false;
        }
        return true;
    }

    private void closeOrThrow(Room room, Decision decision, DecisionStatus status) {
        DecisionUpdate tally = decision.toFrame();
        DecisionClosed record = new DecisionClosed(room.id(), decision.id(), status, tally.yes(), tally.no(),
                tally.veto());
        state.apply(record, journal.append(record));
        fanout.notice(room, decision.toFrame(), null);
    }

    private static Map<String, Integer> memberWeights(Room room) {
        Map<String, Integer> weights = new HashMap<>();
        for (Membership m : room.members()) {
            weights.putIfAbsent(m.session().clientId(), m.weight());
        }
        return weights;
    }
}
