package io.agentbus.server.cluster;

import static io.agentbus.server.cluster.PayloadFields.JSON;
import static io.agentbus.server.cluster.PayloadFields.abbreviate;
import static io.agentbus.server.cluster.PayloadFields.expect;
import static io.agentbus.server.cluster.PayloadFields.number;
import static io.agentbus.server.cluster.PayloadFields.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.protocol.frame.DecisionRule;
import io.agentbus.protocol.frame.VoteChoice;
import io.agentbus.server.cluster.RoomEvent.Expired;
import io.agentbus.server.cluster.RoomEvent.Joined;
import io.agentbus.server.cluster.RoomEvent.Left;
import io.agentbus.server.cluster.RoomEvent.Proposed;
import io.agentbus.server.cluster.RoomEvent.Voted;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The text an event travels as between nodes: a JSON array whose first element names the kind
 * ({@code j} join, {@code l} leave, {@code p} propose, {@code v} vote, {@code x} expire). The
 * events script stores it in the room's stream beside the epoch, the epoch's first offset and the
 * number it gave the event, and publishes {@code "ROOM OFFSET-N EPOCH FIRST NUMBER\n"} + payload on
 * the nodes' channel: the dash in the stream id tells an event from a message there.
 */
final class EventCodec {

    private EventCodec() {
    }

    static String payload(RoomEvent event) {
        StringWriter out = new StringWriter(96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            write(event, g);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(RoomEvent event, JsonGenerator g) throws IOException {
        if (event instanceof Joined j) {
            strings(g, "j", j.node());
            g.writeNumber(j.seq());
            strings(g, j.session(), j.client(), j.role());
            g.writeNumber(j.weight());
            order(g, j.order());
        } else if (event instanceof Left l) {
            strings(g, "l", l.key(), l.client(), l.role());
            g.writeNumber(l.weight());
            order(g, l.order());
        } else if (event instanceof Proposed p) {
            strings(g, "p", p.node());
            g.writeNumber(p.seq());
            strings(g, p.client(), p.title(), p.rule().wireName());
            g.writeNumber(p.quorum());
            g.writeNumber(p.deadlineAtMs());
        } else if (event instanceof Voted v) {
            strings(g, "v", v.node());
            g.writeNumber(v.seq());
            strings(g, v.client(), v.decision(), v.choice().wireName());
            g.writeNumber(v.weight());
        } else if (event instanceof Expired x) {
            strings(g, "x", x.node(), x.decision());
        }
    }

    /** A member's order, left out when it has none (as payloads written before it was added). */
    private static void order(JsonGenerator g, long order) throws IOException {
        if (order != 0) {
            g.writeNumber(order);
        }
    }

    private static void strings(JsonGenerator g, String... values) throws IOException {
        for (String v : values) {
            g.writeString(v);
        }
    }

    /** Whether a text on the nodes' channel is an event (its stream id has a dash), not a message. */
    static boolean isEvent(String message) {
        int firstSpace = message.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : message.indexOf(' ', firstSpace + 1);
        return secondSpace > 0 && message.substring(firstSpace + 1, secondSpace).indexOf('-') > 0;
    }

    /**
     * An event as published on the nodes' channel.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static ClusterEvent fromMessage(String message) {
        int newline = message.indexOf('\n');
        String[] header = (newline < 0 ? "" : message.substring(0, newline)).split(" ", -1);
        if (header.length != 5) {
            throw new IllegalArgumentException("not a cluster event: " + abbreviate(message));
        }
        return entry(header[0], header[1], header[2], header[3], header[4], message.substring(newline + 1));
    }

    /**
     * An event as stored in a room's stream.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static ClusterEvent entry(String room, String streamId, String epoch, String first, String number,
                              String payload) {
        LogId id = LogId.parse(streamId);
        if (id.isMessage() || epoch == null || payload == null) {
            throw new IllegalArgumentException("not a cluster event: " + room + " " + streamId);
        }
        return new ClusterEvent(room, id, epoch, count(first, "first offset"), count(number, "number"),
                event(payload));
    }

    private static long count(String text, String what) {
        try {
            long n = text == null || text.isEmpty() ? 0 : Long.parseLong(text);
            if (n < 0) {
                throw new IllegalArgumentException("a cluster event's " + what + " is negative: " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a cluster event's " + what + " is not a number: " + text, e);
        }
    }

    /**
     * An event's payload.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static RoomEvent event(String payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            expect(p, JsonToken.START_ARRAY);
            String kind = text(p);
            RoomEvent event = switch (kind) {
                case "j" -> new Joined(text(p), number(p), text(p), text(p), text(p), weight(p), 0);
                case "l" -> new Left(key(text(p)), text(p), text(p), weight(p), 0);
                case "p" -> new Proposed(text(p), number(p), text(p), text(p), rule(text(p)), weight(p),
                        number(p));
                case "v" -> new Voted(text(p), number(p), text(p), text(p), choice(text(p)), weight(p));
                case "x" -> new Expired(text(p), text(p));
                default -> throw new IOException("no event kind '" + kind + "'");
            };
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NUMBER_INT && event instanceof Joined j) {
                event = j.withOrder(p.getLongValue());
                t = p.nextToken();
            } else if (t == JsonToken.VALUE_NUMBER_INT && event instanceof Left l) {
                event = new Left(l.key(), l.client(), l.role(), l.weight(), p.getLongValue());
                t = p.nextToken();
            }
            if (t != JsonToken.END_ARRAY) {
                throw new IOException("expected " + JsonToken.END_ARRAY + ", not " + t);
            }
            return event;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cluster event payload: " + abbreviate(payload) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String key(String key) throws IOException {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IOException("a member key is NODE/SESSION, not '" + key + "'");
        }
        return key;
    }

    private static DecisionRule rule(String name) throws IOException {
        DecisionRule rule = DecisionRule.fromWire(name);
        if (rule == null) {
            throw new IOException("no decision rule '" + name + "'");
        }
        return rule;
    }

    private static VoteChoice choice(String name) throws IOException {
        VoteChoice choice = VoteChoice.fromWire(name);
        if (choice == null) {
            throw new IOException("no vote choice '" + name + "'");
        }
        return choice;
    }

    private static int weight(JsonParser p) throws IOException {
        long w = number(p);
        if (w < 0 || w > Integer.MAX_VALUE) {
            throw new IOException("a weight out of range: " + w);
        }
        return (int) w;
    }
}
