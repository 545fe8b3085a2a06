package io.agentbus.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Builds and checks the small JSON bodies of {@link Message} with jackson-core. */
final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** {@code {"name": value}} as compact JSON. */
    static String object(String name, String value) {
        StringWriter out = new StringWriter(value.length() + name.length() + 8);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(name, value);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code json}, after checking it is exactly one JSON value. */
    static String requireValue(String json) {
        if (json == null) {
            throw new IllegalArgumentException("body must be JSON text, not null (use \"null\" for a JSON null)");
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("body is empty: expected one JSON value");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("body has data after its JSON value");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON: " + e.getMessage(), e);
        }
        return json;
    }

    /** The string field {@code name} of a JSON object, or {@code null}. */
    static String stringField(String json, String name) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name) && value == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
