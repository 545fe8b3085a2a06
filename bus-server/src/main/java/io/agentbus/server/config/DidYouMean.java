package io.agentbus.server.config;

import java.util.Locale;

/**
 * Finds the known name closest to a mistyped one, for "did you mean" hints. Names are compared
 * after folding case and the separators {@code . - _}, so {@code max-frame-bytes} in a config file
 * suggests {@code max.frame.bytes}.
 */
final class DidYouMean {
    private static final int MAX_EDITS = 2;

    private DidYouMean() {
    }

    /** The closest of {@code candidates}, or {@code null} when none is within a couple of edits. */
    static String closest(String typed, Iterable<String> candidates) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : candidates) {
            int d = distance(fold(typed), fold(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code " (did you mean X?)"}, or an empty string when nothing is close. */
    static String hint(String typed, Iterable<String> candidates) {
        String best = closest(typed, candidates);
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
