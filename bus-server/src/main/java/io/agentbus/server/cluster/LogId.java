package io.agentbus.server.cluster;

/**
 * A position in a room's log, its Redis stream id {@code OFFSET-N}: a message has {@code n == 0}
 * and its room offset; the events after message {@code OFFSET} have {@code n = 1, 2, …}.
 */
record LogId(long offset, long n) implements Comparable<LogId> {
    /** Before everything. */
    static final LogId START = new LogId(0, 0);

    /**
     * Parses a stream id {@code OFFSET-N}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static LogId parse(String id) {
        int dash = id.indexOf('-');
        if (dash <= 0 || dash == id.length() - 1) {
            throw new IllegalArgumentException("not a stream id: '" + id + "'");
        }
        try {
            return new LogId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: '" + id + "'", e);
        }
    }

    boolean isMessage() {
        return n == 0;
    }

    @Override
    public int compareTo(LogId o) {
        int c = Long.compare(offset, o.offset);
        return c != 0 ? c : Long.compare(n, o.n);
    }

    @Override
    public String toString() {
        return offset + "-" + n;
    }
}
