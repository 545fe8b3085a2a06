package io.agentbus.protocol.codec;

import com.fasterxml.jackson.core.JsonToken;
import io.agentbus.protocol.ErrorCode;
import io.agentbus.protocol.Ids;
import io.agentbus.protocol.ProtocolException;
import io.agentbus.protocol.frame.JsonValue;

import java.util.Base64;
import java.util.List;

/**
 * The fields of one frame, collected in a single pass (a slot per {@link Field}), then read
 * and validated by the decoders. Reading never throws: the first fault is remembered and the
 * decoder goes on, so the {@code rid} is found wherever it sits; {@link #throwIfFailed} then
 * reports that first fault. A JSON {@code null} counts as an absent field. A duplicate key
 * overwrites the earlier one (last wins).
 */
final class FieldValues {
    static final String ID_RULE = "an id matching [A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    private static final Object OVERFLOW = new Object();

    private final JsonToken[] tokens = new JsonToken[Field.COUNT];
    private final Object[] values = new Object[Field.COUNT];
    private final long[] longs = new long[Field.COUNT];
    private String fault;

    void put(Field f, JsonToken token, Object value) {
        tokens[f.ordinal()] = token;
        values[f.ordinal()] = value;
    }

    void putInteger(Field f, boolean fitsLong, long value) {
        put(f, JsonToken.VALUE_NUMBER_INT, fitsLong ? null : OVERFLOW);
        longs[f.ordinal()] = value;
    }

    /** Records {@code message} unless an earlier fault was recorded. */
    void fail(String message) {
        if (fault == null) {
            fault = message;
        }
    }

    boolean failed() {
        return fault != null;
    }

    String fault() {
        return fault;
    }

    void throwIfFailed(String rid) throws ProtocolException {
        if (fault != null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, fault, rid);
        }
    }

    boolean has(Field f) {
        JsonToken t = tokens[f.ordinal()];
        return t != null && t != JsonToken.VALUE_NULL;
    }

    /** The request id: a string of at most 64 chars, or {@code null} when absent or invalid. */
    String rid() {
        String rid = optionalString(Field.RID);
        if (rid != null && rid.length() > Ids.MAX_RID_LENGTH) {
            fail("field 'rid' must be a string of at most " + Ids.MAX_RID_LENGTH + " chars");
            return null;
        }
        return rid;
    }

    String requiredId(Field f) {
        if (!has(f)) {
            return missing(f, null);
        }
        return optionalId(f);
    }

    String optionalId(Field f) {
        String s = stringOrNull(f);
        if (has(f) && !Ids.isValid(s)) {
            return invalid(f, ID_RULE, null);
        }
        return s;
    }

    /** A required id, or a system id such as {@code $sys.stats}: a room that is joined or read. */
    String requiredReadableId(Field f) {
        if (!has(f)) {
            return missing(f, null);
        }
        return optionalReadableId(f);
    }

    /** An optional id, or a system id. */
    String optionalReadableId(Field f) {
        String s = stringOrNull(f);
        if (has(f) && !Ids.isValidOrSystem(s)) {
            return invalid(f, ID_RULE, null);
        }
        return s;
    }

    /** A required non-empty string of at most {@code maxChars}. */
    String requiredText(Field f, int maxChars) {
        if (!has(f)) {
            return missing(f, null);
        }
        return optionalText(f, null, maxChars);
    }

    /** An optional non-empty string of at most {@code maxChars}, {@code fallback} when absent. */
    String optionalText(Field f, String fallback, int maxChars) {
        if (!has(f)) {
            return fallback;
        }
        String s = stringOrNull(f);
        if (s == null || s.isEmpty() || s.length() > maxChars) {
            return invalid(f, maxChars == Integer.MAX_VALUE ? "a non-empty string"
                    : "a non-empty string of at most " + maxChars + " chars", fallback);
        }
        return s;
    }

    /** Any string, {@code null} when absent. */
    String optionalString(Field f) {
        String s = stringOrNull(f);
        if (has(f) && s == null) {
            return invalid(f, "a string", null);
        }
        return s;
    }

    String requiredString(Field f) {
        if (!has(f)) {
            return missing(f, null);
        }
        return optionalString(f);
    }

    /**
     * An enumerated word: the string, {@code fallback} when absent, {@code null} after a fault;
     * the caller maps it and calls {@link #rejectChoice} when it names nothing.
     */
    String choice(Field f, String fallback, String allowed) {
        if (!has(f)) {
            return fallback != null ? fallback : missing(f, null);
        }
        String s = stringOrNull(f);
        return s != null ? s : rejectChoice(f, allowed, null);
    }

    <T> T rejectChoice(Field f, String allowed, T fallback) {
        return invalid(f, "one of " + allowed, fallback);
    }

    long requiredLong(Field f, long min, long max) {
        if (!has(f)) {
            return missing(f, min);
        }
        return optionalLong(f, min, min, max);
    }

    /** An integer in {@code min..max}, {@code fallback} when absent. */
    long optionalLong(Field f, long fallback, long min, long max) {
        if (!has(f)) {
            return fallback;
        }
        int i = f.ordinal();
        long n = longs[i];
        if (tokens[i] != JsonToken.VALUE_NUMBER_INT || values[i] == OVERFLOW || n < min || n > max) {
            return invalid(f, describeRange(min, max), fallback);
        }
        return n;
    }

    boolean optionalBoolean(Field f, boolean fallback) {
        if (!has(f)) {
            return fallback;
        }
        JsonToken t = tokens[f.ordinal()];
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            return invalid(f, "a boolean", fallback);
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** The body as compact JSON; {@link JsonValue#NULL} when absent. */
    JsonValue body() {
        Object body = values[Field.BODY.ordinal()];
        return body instanceof JsonValue json ? json : JsonValue.NULL;
    }

    byte[] requiredBase64(Field f) {
        if (!has(f)) {
            return missing(f, null);
        }
        String s = stringOrNull(f);
        if (s != null) {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                return invalid(f, "standard base64", null);
            }
        }
        return invalid(f, "a standard base64 string", null);
    }

    /** A nested object (server frames only), {@code null} when absent or not an object. */
    FieldValues requiredObject(Field f) {
        if (!has(f)) {
            return missing(f, null);
        }
        Object v = values[f.ordinal()];
        return v instanceof FieldValues o ? o : invalid(f, "an object", null);
    }

    /** A nested array of objects (server frames only), {@code null} when absent. */
    List<FieldValues> optionalObjects(Field f) {
        if (!has(f)) {
            return null;
        }
        Object v = values[f.ordinal()];
        if (v instanceof List<?>) {
            @SuppressWarnings("unchecked")
            List<FieldValues> list = (List<FieldValues>) v;
            return list;
        }
        return invalid(f, "an array of objects", null);
    }

    private String stringOrNull(Field f) {
        Object v = values[f.ordinal()];
        return v instanceof String s ? s : null;
    }

    private <T> T missing(Field f, T fallback) {
        fail("missing field: " + f.wireName);
        return fallback;
    }

    private <T> T invalid(Field f, String requirement, T fallback) {
        fail("field '" + f.wireName + "' must be " + requirement);
        return fallback;
    }

    private static String describeRange(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return min == 0 ? "a non-negative integer" : min == 1 ? "a positive integer"
                    : "an integer of at least " + min;
        }
        return "an integer in " + min + ".." + max;
    }
}
