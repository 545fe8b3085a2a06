package io.agentbus.server.journal.tool;

import io.agentbus.server.journal.JournalReader;
import io.agentbus.server.journal.JournalRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code journal dump}: prints the entries that pass the filter as JSON lines, in journal order,
 * and every undecodable entry as a {@code corrupt} line whatever the filter (its room is not
 * known). Stops early when the output is closed (e.g. piped into {@code head}).
 */
final class JournalDump implements JournalReader.EntryVisitor {
    private static final int CHECK_OUTPUT_EVERY = 256;

    private final EntryFilter filter;
    private final EntryJson json;
    private final PrintWriter out;
    private long printed;
    private boolean outputClosed;

    JournalDump(EntryFilter filter, PrintWriter out) {
        this.filter = filter;
        this.out = out;
        this.json = new EntryJson(out);
    }

    /** Prints every entry the reader has; returns how many were printed. */
    long run(JournalReader reader) {
        boolean more = true;
        while (more && !outputClosed) {
            more = reader.next(this);
        }
        out.flush();
        return printed;
    }

    @Override
    public void onRecord(long index, int cycle, JournalRecord record) {
        if (filter.accepts(record)) {
            try {
                json.write(index, cycle, record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            printed();
        }
    }

    @Override
    public void onCorrupt(long index, int cycle, String error) {
        try {
            json.writeCorrupt(index, cycle, error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        printed();
    }

    private void printed() {
        printed++;
        if (printed % CHECK_OUTPUT_EVERY == 0 && out.checkError()) {
            outputClosed = true;
        }
    }
}
