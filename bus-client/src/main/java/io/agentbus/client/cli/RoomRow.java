package io.agentbus.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One room of {@code GET /api/v1/rooms}.
 *
 * @param lastOffset the offset of its last message (0 if none)
 * @param members    its live member connections
 * @param decisions  how many decisions were ever proposed in it
 */
record RoomRow(String room, long lastOffset, long members, long decisions) {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The rooms of a {@code {"rooms":[{"room","last_offset","members","decisions"}…]}} answer. */
    static List<RoomRow> parseAll(String json) throws IOException {
        List<RoomRow> rows = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (p.currentName().equals("rooms")) {
                    expect(p, p.nextToken(), JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        rows.add(parse(p));
                    }
                } else {
                    p.nextToken();
                    p.skipChildren();
                }
            }
        }
        return rows;
    }

    private static RoomRow parse(JsonParser p) throws IOException {
        String room = null;
        long lastOffset = 0;
        long members = 0;
        long decisions = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "room" -> room = p.getValueAsString();
                case "last_offset" -> lastOffset = p.getValueAsLong();
                case "members" -> members = p.getValueAsLong();
                case "decisions" -> decisions = p.getValueAsLong();
                default -> p.skipChildren();
            }
        }
        if (room == null) {
            throw new IOException("a room without its \"room\" field");
        }
        return new RoomRow(room, lastOffset, members, decisions);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual + " at " + p.currentLocation());
        }
    }
}
