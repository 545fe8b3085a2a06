package io.agentbus.protocol.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.agentbus.protocol.Priority;
import io.agentbus.protocol.frame.ClientFrame;
import io.agentbus.protocol.frame.Frame;
import io.agentbus.protocol.frame.JsonValue;
import io.agentbus.protocol.frame.ServerFrame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes frames as compact UTF-8 JSON, {@code op} first; absent optional fields are omitted,
 * never written as {@code null}. Message bodies are written back as the raw JSON they were
 * read as. Thread-safe: one instance serves every connection. Streams passed in are neither
 * closed nor flushed.
 */
public final class FrameWriter {
    private static final byte[] COMMA = {','};

    private final JsonFactory factory = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /** Writes {@code frame} as one JSON object to {@code out}. */
    public void write(Frame frame, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            write(frame, g);
        }
    }

    /** {@code frame} as UTF-8 JSON bytes. */
    public byte[] toBytes(Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try {
            write(frame, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code frame} as JSON text. */
    public String toJson(Frame frame) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(frame, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes a {@code history} reply whose messages are already encoded: each element of
     * {@code encodedMsgs} is the UTF-8 JSON of one {@code msg} object (as from
     * {@link #toBytes}), copied as is, so journaled messages are not decoded and re-encoded.
     */
    public void writeHistoryReply(String rid, String room, List<byte[]> encodedMsgs, boolean more,
                                  OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("op", "history");
            optional(g, "rid", rid);
            g.writeStringField("room", room);
            g.writeArrayFieldStart("messages");
            g.flush();
            writeJoined(encodedMsgs, out);
            g.writeEndArray();
            g.writeBooleanField("more", more);
            g.writeEndObject();
        }
    }

    private static void writeJoined(List<byte[]> encodedMsgs, OutputStream out) throws IOException {
        for (int i = 0; i < encodedMsgs.size(); i++) {
            if (i > 0) {
                out.write(COMMA);
            }
            out.write(encodedMsgs.get(i));
        }
    }

    private static void write(Frame frame, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("op", frame.op());
        optional(g, "rid", frame.rid());
        if (frame instanceof ClientFrame c) {
            ClientEncoder.fields(c, g);
        } else {
            ServerEncoder.fields((ServerFrame) frame, g);
        }
        g.writeEndObject();
    }

    static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    static void priority(JsonGenerator g, Priority priority) throws IOException {
        if (priority != null) {
            g.writeStringField("priority", priority.wireName());
        }
    }

    static void body(JsonGenerator g, JsonValue body) throws IOException {
        g.writeFieldName("body");
        g.writeRawValue(body == null ? JsonValue.NULL.json() : body.json());
    }
}
