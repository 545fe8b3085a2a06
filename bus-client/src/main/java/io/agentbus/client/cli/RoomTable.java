package io.agentbus.client.cli;

import java.io.PrintStream;
import java.util.List;

/** The rooms as a table: {@code ROOM  LAST_OFFSET  MEMBERS  DECISIONS}, names left, numbers right. */
final class RoomTable {
    private static final String[] HEADERS = {"ROOM", "LAST_OFFSET", "MEMBERS", "DECISIONS"};
    private static final String GAP = "  ";

    private final List<RoomRow> rows;
    private final int[] widths = new int[HEADERS.length];

    RoomTable(List<RoomRow> rows) {
        this.rows = rows;
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (RoomRow row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
    }

    void print(PrintStream out) {
        out.println(line(HEADERS));
        for (RoomRow row : rows) {
            out.println(line(cells(row)));
        }
    }

    private String line(String[] cells) {
        StringBuilder line = new StringBuilder();
        line.append(cells[0]).append(" ".repeat(widths[0] - cells[0].length()));
        for (int i = 1; i < cells.length; i++) {
            line.append(GAP).append(" ".repeat(widths[i] - cells[i].length())).append(cells[i]);
        }
        return line.toString();
    }

    private static String[] cells(RoomRow row) {
        return new String[] {row.room(), Long.toString(row.lastOffset()), Long.toString(row.members()),
            Long.toString(row.decisions())};
    }
}
