package io.agentbus.server.journal.tool;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** A stored {@code msg} frame, which must be exactly one JSON object, read as JSON. */
final class FrameJson {
    private final JsonFactory factory;

    FrameJson(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Copies {@code frame} into {@code out} as one value.
     *
     * @throws IOException when the frame is not one JSON object (or {@code out} fails)
     */
    void copy(byte[] frame, JsonGenerator out) throws IOException {
        try (JsonParser in = factory.createParser(frame)) {
            expectObject(in);
            out.copyCurrentStructure(in);
            expectEnd(in);
        }
    }

    /** Why {@code frame} is not one JSON object, or {@code null} when it is. */
    String problem(byte[] frame) {
        try (JsonParser in = factory.createParser(frame)) {
            expectObject(in);
            in.skipChildren();
            expectEnd(in);
            return null;
        } catch (IOException e) {
            return message(e);
        }
    }

    static String message(IOException e) {
        String why = e instanceof JsonProcessingException p ? p.getOriginalMessage()
                : e.getMessage();
        return "the stored frame is not one JSON object: " + why;
    }

    private static void expectObject(JsonParser in) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("it does not start with '{'");
        }
    }

    private static void expectEnd(JsonParser in) throws IOException {
        if (in.nextToken() != null) {
            throw new IOException("something follows the object");
        }
    }
}
