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
import io.agentbus.protocol.frame.Pub;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The text a message travels as between nodes. The publishing node writes the payload: a JSON
 * array {@code [node, seq, from, channel, type, priority, ts, id]}, a line break, and the body's
 * compact JSON (which holds no raw line break). The script stores it in the room's stream beside
 * the epoch (the stream id is the offset) and publishes {@code "ROOM OFFSET EPOCH\n"} + payload.
 */
final class EntryCodec {

    private EntryCodec() {
    }

    static String payload(String node, long seq, String from, Pub pub, long ts) {
        StringWriter out = new StringWriter(128 + pub.body().json().length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeString(node);
            g.writeNumber(seq);
            g.writeString(from);
            g.writeString(pub.channel());
            g.writeString(pub.type());
            g.writeString(pub.priority().wireName());
            g.writeNumber(ts);
            g.writeString(pub.id());
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').append(pub.body().json()).toString();
    }

    /** A message as published on the nodes' channel: {@code "ROOM OFFSET EPOCH\n"} + payload. */
    static ClusterEntry fromMessage(String message) {
        int firstSpace = message.indexOf(' ');
        int secondSpace = message.indexOf(' ', firstSpace + 1);
        int newline = message.indexOf('\n', secondSpace + 1);
        if (firstSpace < 0 || secondSpace < 0 || newline < 0) {
            throw new IllegalArgumentException("not a cluster message: " + abbreviate(message));
        }
        return entry(message.substring(0, firstSpace), Long.parseLong(message.substring(firstSpace + 1, secondSpace)),
                message.substring(secondSpace + 1, newline), message.substring(newline + 1));
    }

    /** The message stored at {@code offset} of {@code room}'s stream. */
    static ClusterEntry entry(String room, long offset, String epoch, String payload) {
        int newline = payload.indexOf('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("not a cluster payload: " + abbreviate(payload));
        }
        try (JsonParser p = JSON.createParser(payload.substring(0, newline))) {
            expect(p, JsonToken.START_ARRAY);
            String node = textOrNull(p);
            long seq = number(p);
            String from = textOrNull(p);
            String channel = textOrNull(p);
            String type = textOrNull(p);
            Priority priority = priority(textOrNull(p));
            long ts = number(p);
            String id = textOrNull(p);
            return new ClusterEntry(room, offset, epoch, node, seq, from, channel, type, priority, ts, id,
                    new JsonValue(payload.substring(newline + 1)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cluster payload: " + abbreviate(payload), e);
        }
    }
}
