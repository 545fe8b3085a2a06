package io.agentbus.server.cluster;

import static io.agentbus.server.cluster.PayloadFields.JSON;
import static io.agentbus.server.cluster.PayloadFields.abbreviate;
import static io.agentbus.server.cluster.PayloadFields.expect;
import static io.agentbus.server.cluster.PayloadFields.number;
import static io.agentbus.server.cluster.PayloadFields.priority;
import static io.agentbus.server.cluster.PayloadFields.textOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.Send;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The text direct messages and cursors travel as between nodes, on {@link InboxLink#CHANNEL}.
 * The sending node writes a message's payload: a JSON array {@code [node, seq, from, type,
 * priority, ts, id]}, a line break, and the body's compact JSON. The script stores it in the
 * inbox's stream beside the epoch (the stream id is the inbox offset) and publishes
 * {@code "m CLIENT OFFSET EPOCH\n"} + payload. A moved cursor is published as
 * {@code "c CLIENT WRITTEN_UP_TO"}. Client ids hold no space.
 */
final class InboxCodec {

    private InboxCodec() {
    }

    static String payload(String node, long seq, String from, Send send, long ts) {
        StringWriter out = new StringWriter(128 + send.body().json().length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeString(node);
            g.writeNumber(seq);
            g.writeString(from);
            g.writeString(send.type());
            g.writeString(send.priority().wireName());
            g.writeNumber(ts);
            g.writeString(send.id());
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').append(send.body().json()).toString();
    }

    /** The channel message announcing that {@code client}'s cursor moved to {@code writtenUpTo}. */
    static String cursor(String client, long writtenUpTo) {
        return "c " + client + " " + writtenUpTo;
    }

    /**
     * A message of the inboxes' channel.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static InboxNews fromMessage(String message) {
        if (message.startsWith("c ")) {
            int space = message.indexOf(' ', 2);
            if (space < 0) {
                throw new IllegalArgumentException("not an inbox cursor: " + abbreviate(message));
            }
            return new CursorMove(client(message.substring(2, space)), offset(message.substring(space + 1)));
        }
        if (!message.startsWith("m ")) {
            throw new IllegalArgumentException("not an inbox message: " + abbreviate(message));
        }
        int firstSpace = message.indexOf(' ', 2);
        int secondSpace = firstSpace < 0 ? -1 : message.indexOf(' ', firstSpace + 1);
        int newline = secondSpace < 0 ? -1 : message.indexOf('\n', secondSpace + 1);
        if (newline < 0) {
            throw new IllegalArgumentException("not an inbox message: " + abbreviate(message));
        }
        return entry(client(message.substring(2, firstSpace)), offset(message.substring(firstSpace + 1, secondSpace)),
                message.substring(secondSpace + 1, newline), message.substring(newline + 1));
    }

    /**
     * The message stored at {@code offset} of {@code client}'s inbox stream.
     *
     * @throws IllegalArgumentException when {@code payload} is not one
     */
    static InboxEntry entry(String client, long offset, String epoch, String payload) {
        int newline = payload == null ? -1 : payload.indexOf('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("not an inbox payload: " + abbreviate(payload));
        }
        try (JsonParser p = JSON.createParser(payload.substring(0, newline))) {
            expect(p, JsonToken.START_ARRAY);
            String node = textOrNull(p);
            long seq = number(p);
            String from = textOrNull(p);
            String type = textOrNull(p);
            Priority priority = priority(textOrNull(p));
            long ts = number(p);
            String id = textOrNull(p);
            expect(p, JsonToken.END_ARRAY);
            if (node == null || from == null || type == null) {
                throw new IOException("node, sender and type are required");
            }
            return new InboxEntry(client, offset, epoch, node, seq, from, type, priority, ts, id,
                    new JsonValue(payload.substring(newline + 1)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an inbox payload: " + abbreviate(payload), e);
        }
    }

    private static String client(String client) {
        if (client.isEmpty()) {
            throw new IllegalArgumentException("an inbox message without client");
        }
        return client;
    }

    private static long offset(String text) {
        long n = Long.parseLong(text);
        if (n < 0) {
            throw new IllegalArgumentException("a negative inbox offset: " + n);
        }
        return n;
    }
}
