package io.agentbus.protocol.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.agentbus.protocol.frame.JsonValue;

import java.io.IOException;
import java.nio.CharBuffer;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the tokens of one frame into {@link FieldValues}: scalars are stored, the
 * {@code body} is copied token by token into compact JSON text, unknown fields are skipped.
 * Nested objects ({@code members}, {@code messages}, {@code tally}) are scanned only when
 * reading server frames; otherwise they are skipped like any value the decoder will not read.
 */
final class FrameScanner {
    private static final int MAX_FAULT_CHARS = 120;

    private final JsonFactory factory;
    private final int maxNestingDepth;
    private final boolean scanNested;

    FrameScanner(JsonFactory factory, int maxNestingDepth, boolean scanNested) {
        this.factory = factory;
        this.maxNestingDepth = maxNestingDepth;
        this.scanNested = scanNested;
    }

    /** Scans one frame; a malformed document is recorded as the first fault, never thrown. */
    FieldValues scanFrame(JsonParser p) {
        FieldValues v = new FieldValues();
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                v.fail("malformed JSON: empty input");
            } else if (t != JsonToken.START_OBJECT) {
                v.fail("malformed JSON: a frame must be a JSON object");
            } else {
                scanObject(p, v);
                requireEnd(p, v);
            }
        } catch (IOException e) {
            v.fail(describe(e));
        }
        return v;
    }

    private void requireEnd(JsonParser p, FieldValues v) throws IOException {
        if (p.nextToken() != null) {
            v.fail("malformed JSON: trailing data after the frame");
        }
    }

    private void scanObject(JsonParser p, FieldValues v) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            Field f = Field.of(p.currentName());
            JsonToken value = p.nextToken();
            if (f == null) {
                p.skipChildren();
            } else {
                scanValue(p, v, f, value);
            }
        }
    }

    private void scanValue(JsonParser p, FieldValues v, Field f, JsonToken t) throws IOException {
        if (f == Field.BODY) {
            v.put(f, t, copyValue(p));
        } else if (t == JsonToken.VALUE_STRING) {
            v.put(f, t, requireUnicode(p.getText()));
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            boolean fitsLong = type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
            v.putInteger(f, fitsLong, fitsLong ? p.getLongValue() : 0);
        } else if (t.isStructStart()) {
            scanStructure(p, v, f, t);
        } else {
            v.put(f, t, null);
        }
    }

    private void scanStructure(JsonParser p, FieldValues v, Field f, JsonToken t) throws IOException {
        if (!scanNested || !f.isNested()) {
            p.skipChildren();
            v.put(f, t, null);
        } else if (f == Field.TALLY && t == JsonToken.START_OBJECT) {
            v.put(f, t, scanChild(p));
        } else if (f != Field.TALLY && t == JsonToken.START_ARRAY) {
            v.put(f, t, scanArray(p));
        } else {
            p.skipChildren();
            v.put(f, t, null);
        }
    }

    private FieldValues scanChild(JsonParser p) throws IOException {
        FieldValues child = new FieldValues();
        scanObject(p, child);
        return child;
    }

    /** An array of objects, or {@code null} when an element is not an object. */
    private List<FieldValues> scanArray(JsonParser p) throws IOException {
        List<FieldValues> list = new ArrayList<>();
        boolean allObjects = true;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
                list.add(scanChild(p));
            } else {
                allObjects = false;
                p.skipChildren();
            }
        }
        return allObjects ? list : null;
    }

    /** Copies the value at the current token as compact JSON; numbers keep their exact text. */
    private JsonValue copyValue(JsonParser p) throws IOException {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = factory.createGenerator(out)) {
            int depth = copyToken(p, g, p.currentToken());
            while (depth > 0) {
                depth += copyToken(p, g, p.nextToken());
            }
        }
        return new JsonValue(out.toString());
    }

    /** Writes one token; returns the change in nesting depth. */
    private static int copyToken(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        switch (t) {
            case START_OBJECT -> g.writeStartObject();
            case START_ARRAY -> g.writeStartArray();
            case END_OBJECT -> g.writeEndObject();
            case END_ARRAY -> g.writeEndArray();
            case FIELD_NAME -> g.writeFieldName(requireUnicode(p.currentName()));
            case VALUE_STRING -> writeString(p, g);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            default -> g.writeNull();
        }
        return t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
    }

    /** Copies the current string without making a {@code String} of it, after checking it is valid Unicode. */
    private static void writeString(JsonParser p, JsonGenerator g) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        requireUnicode(CharBuffer.wrap(chars, offset, length));
        g.writeString(chars, offset, length);
    }

    /**
     * Refuses an unpaired UTF-16 surrogate (U+D800 to U+DFFF): JSON allows escaping one alone, but
     * such a string cannot be encoded as UTF-8, so it is refused here rather than when the
     * message is written.
     */
    private static <T extends CharSequence> T requireUnicode(T text) throws IOException {
        int end = text.length();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IOException(String.format("string with an unpaired surrogate \\u%04x (not valid Unicode)",
                        (int) c));
            }
        }
        return text;
    }

    private String describe(IOException e) {
        if (e instanceof StreamConstraintsException && e.getMessage().contains("nesting depth")) {
            return "nesting deeper than " + maxNestingDepth;
        }
        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (reason == null) {
            reason = e.getClass().getSimpleName();
        }
        if (reason.length() > MAX_FAULT_CHARS) {
            reason = reason.substring(0, MAX_FAULT_CHARS) + "...";
        }
        return "malformed JSON: " + reason;
    }
}
