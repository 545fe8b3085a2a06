package io.agentbus.protocol.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code artifact}: upload a file (base64 {@code data} on the wire) into a room.
 *
 * @param contentType media type, {@code "application/octet-stream"} by default
 */
public record ArtifactUpload(String rid, String room, String name, String contentType, byte[] data)
        implements ClientFrame {
    public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    /** The longest file name. */
    public static final int MAX_NAME_CHARS = 255;
    /** What {@link #isValidName} asks of a name, for error messages. */
    public static final String NAME_RULE = "a file name of 1 to 255 characters without '/', '\\', NUL, and not"
            + " '.' or '..'";

    /** Whether {@code name} is a plain file name: no path separators, no NUL, not {@code .} or {@code ..}. */
    public static boolean isValidName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME_CHARS && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0 && !name.equals(".") && !name.equals("..");
    }

    @Override
    public String op() {
        return "artifact";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArtifactUpload other
                && Objects.equals(rid, other.rid)
                && Objects.equals(room, other.room)
                && Objects.equals(name, other.name)
                && Objects.equals(contentType, other.contentType)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rid, room, name, contentType) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ArtifactUpload[rid=" + rid + ", room=" + room + ", name=" + name + ", contentType="
                + contentType + ", bytes=" + (data == null ? 0 : data.length) + "]";
    }
}
