package io.agentbus.client.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agentbus.client.ReceivedMessage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The whole message as one compact JSON object: {@code room, offset, from, channel, type,
 * priority, ts, id} (when it has one) and {@code body}, the body's JSON as received.
 */
final class JsonLineFormat implements LineFormat {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String format(ReceivedMessage m) {
        StringWriter line = new StringWriter(160 + m.bodyJson().length());
        try (JsonGenerator g = FACTORY.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("room", m.room());
            g.writeNumberField("offset", m.offset());
            g.writeStringField("from", m.from());
            g.writeStringField("channel", m.channel());
            g.writeStringField("type", m.type());
            g.writeStringField("priority", m.priority().wireName());
            g.writeNumberField("ts", m.ts());
            if (m.id() != null) {
                g.writeStringField("id", m.id());
            }
            g.writeFieldName("body");
            g.writeRawValue(m.bodyJson());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }
}
