package io.agentbus.client.cli;

import io.agentbus.client.ReceivedMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code [ROOM #OFFSET HH:mm:ss PRIORITY] FROM (TYPE): TEXT}, the time in the local zone. TEXT
 * is the body's {@code "text"} field when it has one, else the body's JSON. Control characters
 * in it are escaped (line breaks as {@code \n} and {@code \r}, the others as Java escapes in
 * hex), so each message stays on one line and a message cannot drive the terminal.
 */
final class TextLineFormat implements LineFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Override
    public String format(ReceivedMessage m) {
        String text = m.text();
        StringBuilder line = new StringBuilder(64 + m.bodyJson().length())
                .append('[').append(m.room()).append(" #").append(m.offset()).append(' ')
                .append(TIME.format(Instant.ofEpochMilli(m.ts()))).append(' ').append(m.priority().wireName())
                .append("] ").append(m.from()).append(" (").append(m.type()).append("): ");
        appendEscaped(line, text != null ? text : m.bodyJson());
        return line.toString();
    }

    private static void appendEscaped(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (Character.isISOControl(c) && c != '\t') {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
    }
}
