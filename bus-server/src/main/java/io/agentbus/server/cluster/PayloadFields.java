package io.agentbus.server.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.protocol.Priority;
import java.io.IOException;

/**
 * Reading the JSON arrays the cluster's payloads start with ({@link EntryCodec}, {@link InboxCodec},
 * {@link EventCodec}): one field at a time, each fault an {@link IOException} naming what was found.
 */
final class PayloadFields {
    static final JsonFactory JSON = new JsonFactory();

    private PayloadFields() {
    }

    /** The next field, a string or {@code null}. */
    static String textOrNull(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new IOException("expected a string, not " + t);
        }
        return p.getText();
    }

    /** The next field, a string. */
    static String text(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** The next field, an integer. */
    static long number(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    static Priority priority(String name) throws IOException {
        Priority priority = name == null ? null : Priority.fromWire(name);
        if (priority == null) {
            throw new IOException("no priority '" + name + "'");
        }
        return priority;
    }

    static void expect(JsonParser p, JsonToken token) throws IOException {
        JsonToken t = p.nextToken();
        if (t != token) {
            throw new IOException("expected " + token + ", not " + t);
        }
    }

    /** At most 80 characters of {@code s}, for an error message. */
    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
