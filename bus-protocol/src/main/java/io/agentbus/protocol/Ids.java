package io.agentbus.protocol;

/**
 * The id rule for client ids and room ids: {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}.
 * Checked by hand rather than by regex because it runs for every frame.
 *
 * <p>A <em>system id</em> is {@code $} followed by a valid id, at most 128 chars in all: the
 * server's own rooms ({@code $sys.stats}), which clients join and read but never write, and the
 * server as the sender of their messages ({@code $sys}). No client can have one.
 */
public final class Ids {
    /** The longest valid id. */
    public static final int MAX_LENGTH = 128;
    /** The longest {@code rid} a request may carry. */
    public static final int MAX_RID_LENGTH = 64;
    /** What every system id starts with. */
    public static final char SYSTEM_PREFIX = '$';

    private Ids() {
    }

    /** Whether {@code id} is a valid client or room id. */
    public static boolean isValid(CharSequence id) {
        if (id == null) {
            return false;
        }
        int length = id.length();
        if (length == 0 || length > MAX_LENGTH || !isAlphanumeric(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = id.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code id} is a system id such as {@code $sys.stats}. */
    public static boolean isSystem(CharSequence id) {
        return id != null && id.length() > 1 && id.length() <= MAX_LENGTH && id.charAt(0) == SYSTEM_PREFIX
                && isValid(id.subSequence(1, id.length()));
    }

    /** Whether {@code id} is a valid id or a system id: a room a client may join and read. */
    public static boolean isValidOrSystem(CharSequence id) {
        return isValid(id) || isSystem(id);
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
