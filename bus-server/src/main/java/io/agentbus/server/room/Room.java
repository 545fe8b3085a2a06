package io.agentbus.server.room;

import io.agentbus.server.decision.Decision;
import io.agentbus.server.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agrona.collections.LongArrayList;

/**
 * A room's state, owned by the sequencer thread. The durable part (offsets, where each message
 * sits in the journal, last roles, decisions, artifacts) is rebuilt by replay; the members are
 * the live sessions. A system room ({@code $sys.stats}) has a {@link SystemFeed} instead of
 * journaled messages. The message counts since the start are read for the metrics.
 */
public final class Room {
    private final String id;
    private final LongArrayList journalIndexByOffset = new LongArrayList();
    private final List<Membership> members = new ArrayList<>();
    private final Map<String, String> lastRoles = new HashMap<>();
    private final Map<String, Decision> decisions = new LinkedHashMap<>();
    private final Set<String> artifacts = new HashSet<>();
    private final SystemFeed feed;
    private long artifactBytes;
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
        return feed == null ? journalIndexByOffset.size() : feed.lastOffset();
    }

    /** Records that the message with the next offset sits at this journal index. */
    public void appended(long journalIndex) {
        journalIndexByOffset.addLong(journalIndex);
    }

    /** The journal index of the message with this offset (1 ≤ offset ≤ last). */
    public long journalIndexOf(long offset) {
        return journalIndexByOffset.getLong((int) (offset - 1));
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
        if (artifacts.add(sha256)) {
            artifactBytes += size;
            return true;
        }
        return false;
    }

    public boolean hasArtifact(String sha256) {
        return artifacts.contains(sha256);
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
