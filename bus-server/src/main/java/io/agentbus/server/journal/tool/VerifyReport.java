package io.agentbus.server.journal.tool;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code journal verify} found: counts, and the problems in journal order. Only the first
 * {@link #MAX_LISTED} problems are kept to be listed; all are counted.
 */
final class VerifyReport {
    static final int MAX_LISTED = 1000;

    private final List<String> listed = new ArrayList<>();
    private long entries;
    private long files;
    private long lastCycle = Long.MIN_VALUE;
    private long problems;
    private int rooms;
    private int inboxes;

    void entry(int cycle) {
        entries++;
        if (cycle != lastCycle) {
            files++;
            lastCycle = cycle;
        }
    }

    void problem(long index, String what) {
        problems++;
        if (listed.size() < MAX_LISTED) {
            listed.add(EntryJson.hex(index) + ": " + what);
        }
    }

    VerifyReport counted(int roomCount, int inboxCount) {
        this.rooms = roomCount;
        this.inboxes = inboxCount;
        return this;
    }

    boolean clean() {
        return problems == 0;
    }

    /** The summary, a line each, then the problems, a line each. */
    void print(PrintWriter out) {
        out.println("entries: " + entries + " in " + files + (files == 1 ? " file" : " files"));
        out.println("rooms: " + rooms);
        out.println("inboxes: " + inboxes);
        out.println("problems: " + problems);
        for (String problem : listed) {
            out.println("  " + problem);
        }
        if (problems > listed.size()) {
            out.println("  ... and " + (problems - listed.size()) + " more");
        }
    }
}
