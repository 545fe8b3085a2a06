package io.agentbus.server.room;

import io.agentbus.server.decision.Decision;
import io.agentbus.server.journal.Journal;
import io.agentbus.server.journal.JournalRecord.RoomMessage;
import io.agentbus.server.journal.OffsetIndex;
import io.agentbus.server.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A room's state, owned by the sequencer thread. The durable part (offsets, where each message
 * sits in the journal, last roles, decisions, artifacts) is rebuilt by replay; the members are
 * the live sessions. A system room ({@code $sys.stats}) has a {@link SystemFeed} instead of
 * journaled messages. The message counts since the start are read for the metrics.
 */
public final class Room {
    private final String id;
    private final OffsetIndex messages = new OffsetIndex();
    private final List<Membership> members = new ArrayList<>();
    private final Map<String, String> lastRoles = new HashMap<>();
    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private final Map<String, Long> artifactSizes = new LinkedHashMap<>();
    private long artifactBytes;
    private final SystemFeed feed;
    private long messagesIn;
    private long messagesOut;

    public Room(String id) {
        this(id, null);
    }

    private Room(String id, SystemFeed feed) {
        this.id = id;
        this.feed = feed;
    }

    /** A room the server writes, whose messages are kept in {@code feed}, not in the journal. */
    public static Room system(String id, SystemFeed feed) {
        return new Room(id, feed);
    }

    public boolean isSystem() {
        return feed != null;
    }

    /** The messages of a system room; {@code null} for any other. */
    public SystemFeed feed() {
        return feed;
    }

    public String id() {
        return id;
    }

    /** The offset of the newest message, 0 when there is none. */
    public long lastOffset() {
        return feed == null ? messages.lastOffset() : feed.lastOffset();
    }

    /** The oldest offset still in the journal (retention removes older ones); last + 1 when none is. */
    public long firstOffset() {
        return feed == null ? messages.firstOffset() : feed.firstKept();
    }

    /** Records that the message with this offset sits at this journal index. */
    public void appended(long offset, long journalIndex) {
        messages.put(offset, journalIndex);
    }

    /** Offsets up to {@code lastOffset} were used, though their messages are gone (a snapshot's mark). */
    public void skipTo(long lastOffset) {
        messages.skipTo(lastOffset);
    }

    /** Retention deleted the journal before this index: the messages there are gone. */
    public void forgetBefore(long firstJournalIndex) {
        messages.forgetBefore(firstJournalIndex);
    }

    /**
     * The encoded {@code msg} frame at {@code offset}, from this system room's feed or from the
     * journal; {@code null} when it is not kept. Sequencer thread only.
     */
    public byte[] frameAt(Journal journal, long offset) {
        if (feed != null) {
            return feed.frame(offset);
        }
        return journal.read(journalIndexOf(offset)) instanceof RoomMessage m ? m.frame() : null;
    }

    /** The journal index of the message with this offset, or {@link OffsetIndex#GONE}. */
    public long journalIndexOf(long offset) {
        return messages.journalIndexOf(offset);
    }

    /** Live members, in join order. */
    public List<Membership> members() {
        return members;
    }

    /** The membership of this session, or {@code null}. */
    public Membership membershipOf(Session session) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).session() == session) {
                return members.get(i);
            }
        }
        return null;
    }

    /** Adds or replaces the session's membership; returns whether it is new. */
    public boolean join(Membership membership) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).session() == membership.session()) {
                members.set(i, membership);
                return false;
            }
        }
        members.add(membership);
        return true;
    }

    /** Removes the session's membership and returns it, or {@code null} if it had none. */
    public Membership leave(Session session) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).session() == session) {
                return members.remove(i);
            }
        }
        return null;
    }

    /** The last role each client joined with, across restarts. */
    public Map<String, String> lastRoles() {
        return lastRoles;
    }

    public Map<String, Decision> decisions() {
        return decisions;
    }

    /** Records a stored artifact; returns whether it was new to this room. */
    public boolean addArtifact(String sha256, long size) {
        if (artifactSizes.putIfAbsent(sha256, size) == null) {
            artifactBytes += size;
            return true;
        }
        return false;
    }

    public boolean hasArtifact(String sha256) {
        return artifactSizes.containsKey(sha256);
    }

    /** Each distinct artifact stored for this room (its sha256) and its size, in the order stored. */
    public Map<String, Long> artifactSizes() {
        return artifactSizes;
    }

    /** Bytes of distinct artifacts stored for this room. */
    public long artifactBytes() {
        return artifactBytes;
    }

    /** A message was published into the room. */
    public void countIn() {
        messagesIn++;
    }

    /** Copies of a message were queued for this many members. */
    public void countOut(int copies) {
        messagesOut += copies;
    }

    /** Messages published since the daemon started. */
    public long messagesIn() {
        return messagesIn;
    }

    /** Copies of messages queued for members since the daemon started. */
    public long messagesOut() {
        return messagesOut;
    }
}
