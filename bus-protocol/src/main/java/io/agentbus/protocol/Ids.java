package io.agentbus.protocol;

/**
 * The id rule for client ids and room ids: {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}.
 * Checked by hand rather than by regex because it runs for every frame.
 */
public final class Ids {
    /** The longest valid id. */
    public static final int MAX_LENGTH = 128;
    /** The longest {@code rid} a request may carry. */
    public static final int MAX_RID_LENGTH = 64;

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

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
