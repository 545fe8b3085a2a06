package io.agentbus.server.journal.tool;

/**
 * The offsets of one room or one inbox as the journal holds them, checked entry by entry: each
 * message must take the offset after the last. Where the journal starts (retention may have
 * deleted older files) a snapshot's mark or inbox cursor says where the offsets stand; a snapshot
 * may carry an inbox's unwritten direct messages forward, repeating their offsets in order. Each
 * method returns a problem in words, or {@code null}.
 */
final class OffsetRun {
    private final String name;
    /** The newest offset known to exist; 0 before any. */
    private long last;
    /** Whether a message, mark or snapshot cursor told where the offsets stand. */
    private boolean known;
    /** The offset the next carried-forward message must have, while a snapshot carries them. */
    private long carryNext;
    /** Whether the carried messages must reach {@link #last} (what came before is in the journal). */
    private boolean carryMustReachLast;

    OffsetRun(String name) {
        this.name = name;
    }

    /** A message appended with {@code offset}. */
    String message(long offset) {
        long expected = last + 1;
        known = true;
        if (offset == expected) {
            last = offset;
            return null;
        }
        if (offset > expected) {
            long previous = last;
            last = offset;
            return name + ": offset " + offset + " follows " + previous + " (" + missing(expected, offset - 1) + ")";
        }
        return name + ": offset " + offset + " again after " + last + " (a duplicate or out of order)";
    }

    /** A snapshot's mark: the offsets run up to {@code lastOffset}. */
    String mark(long lastOffset) {
        if (!known || lastOffset == last) {
            known = true;
            last = lastOffset;
            return null;
        }
        if (lastOffset > last) {
            long expected = last + 1;
            last = lastOffset;
            return name + ": the snapshot marks offsets up to " + lastOffset + " but the journal holds them only up to "
                    + (expected - 1) + " (" + missing(expected, lastOffset) + ")";
        }
        return name + ": the snapshot marks offsets up to " + lastOffset + ", behind offset " + last
                + " already in the journal";
    }

    /** A snapshot's inbox cursor: messages up to {@code writtenUpTo} were written; later ones follow, carried. */
    void snapshotCursor(long writtenUpTo) {
        carryMustReachLast = known;
        if (!known) {
            known = true;
            last = writtenUpTo;
        }
        carryNext = writtenUpTo + 1;
    }

    /** Whether a snapshot is carrying this inbox's messages forward. */
    boolean carrying() {
        return carryNext > 0;
    }

    /** A direct message carried forward by the snapshot. */
    String carried(long offset) {
        long expected = carryNext;
        carryNext = offset + 1;
        String problem = offset == expected ? null
                : name + ": the snapshot carries offset " + offset + " forward where " + expected + " was due";
        if (offset > last) {
            if (carryMustReachLast && problem == null) {
                problem = name + ": the snapshot carries offset " + offset + " forward, beyond the last offset " + last;
            }
            last = offset;
        }
        return problem;
    }

    /** The snapshot ended: it must have carried every message after its cursor. */
    String snapshotComplete() {
        long next = carryNext;
        carryNext = 0;
        if (carryMustReachLast && next <= last) {
            return name + ": the snapshot carries messages forward only up to " + (next - 1) + " but the inbox holds "
                    + "them up to " + last + " (" + missing(next, last) + ")";
        }
        return null;
    }

    /** A snapshot that did not end where it should have: nothing is checked of what it carried. */
    void snapshotAbandoned() {
        carryNext = 0;
    }

    private static String missing(long from, long to) {
        return from == to ? "offset " + from + " missing" : "offsets " + from + ".." + to + " missing";
    }
}
