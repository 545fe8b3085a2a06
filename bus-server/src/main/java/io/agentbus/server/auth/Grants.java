package io.agentbus.server.auth;

import io.agentbus.protocol.Ids;
import java.util.List;
import java.util.Map;

/**
 * The rights of one session, precomputed from its token's claims: for each {@code rooms} pattern
 * its prefix, whether it is a prefix ({@code build-*}, {@code *}) or an exact room id, and its
 * rights as bits; plus the {@code dm} right. A check loops over the patterns without allocating.
 * Immutable, so a session's event loop may read it without synchronisation.
 */
public final class Grants {
    /** Development mode ({@code auth=none}): every right in every room. */
    public static final Grants ALL = new Grants(new String[0], new boolean[0], new int[0], true, true);
    /** The pattern that matches every room. */
    public static final String ANY_ROOM = "*";
    private static final char WILDCARD = '*';

    private final String[] prefixes;
    private final boolean[] prefixMatch;
    private final int[] rights;
    private final boolean directMessages;
    private final boolean everything;

    private Grants(String[] prefixes, boolean[] prefixMatch, int[] rights, boolean directMessages,
                   boolean everything) {
        this.prefixes = prefixes;
        this.prefixMatch = prefixMatch;
        this.rights = rights;
        this.directMessages = directMessages;
        this.everything = everything;
    }

    /**
     * The grants of a {@code rooms} claim (pattern → list of right names) and a {@code dm} claim.
     *
     * @throws IllegalArgumentException naming the pattern or right that is not valid
     */
    public static Grants of(Map<String, List<String>> rooms, boolean directMessages) {
        int n = rooms.size();
        String[] prefixes = new String[n];
        boolean[] prefixMatch = new boolean[n];
        int[] rights = new int[n];
        int i = 0;
        for (Map.Entry<String, List<String>> e : rooms.entrySet()) {
            String pattern = checkPattern(e.getKey());
            prefixMatch[i] = pattern.indexOf(WILDCARD) >= 0;
            prefixes[i] = prefixMatch[i] ? pattern.substring(0, pattern.length() - 1) : pattern;
            rights[i] = bits(pattern, e.getValue());
            i++;
        }
        return new Grants(prefixes, prefixMatch, rights, directMessages, false);
    }

    /**
     * Checks a room pattern: a room id, a room id prefix followed by one {@code *} at the end
     * ({@code build-*}), or {@code *} alone.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String checkPattern(String pattern) {
        int star = pattern.indexOf(WILDCARD);
        boolean valid = star < 0 ? Ids.isValid(pattern)
                : star == pattern.length() - 1 && (star == 0 || Ids.isValid(pattern.substring(0, star)));
        if (!valid) {
            throw new IllegalArgumentException("room pattern '" + pattern + "' must be a room id, a room id prefix"
                    + " ending in '*' (build-*), or '*'");
        }
        return pattern;
    }

    private static int bits(String pattern, List<String> names) {
        int bits = 0;
        for (String name : names) {
            Right right = Right.fromWire(name);
            if (right == null) {
                throw new IllegalArgumentException("room pattern '" + pattern + "' has unknown right '" + name
                        + "': rights are sub, pub, admin");
            }
            bits |= right.bit();
        }
        return bits;
    }

    /** Whether this right is granted in this room (by any pattern that matches it). */
    public boolean allows(String room, Right right) {
        if (everything) {
            return true;
        }
        int bit = right.bit();
        for (int i = 0; i < prefixes.length; i++) {
            if ((rights[i] & bit) != 0 && matches(i, room)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(int pattern, String room) {
        return prefixMatch[pattern] ? room.startsWith(prefixes[pattern]) : room.equals(prefixes[pattern]);
    }

    /** Whether direct messages ({@code send}) are allowed. */
    public boolean directMessages() {
        return directMessages;
    }

    /** Whether these are the development mode's grants: everything, no token. */
    public boolean isEverything() {
        return everything;
    }
}
