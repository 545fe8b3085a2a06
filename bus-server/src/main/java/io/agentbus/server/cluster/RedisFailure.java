package io.agentbus.server.cluster;

import io.lettuce.core.RedisCommandExecutionException;

/**
 * What a failed Redis command tells the client whose request it carried. Only two failures mean
 * the command did not run: Redis answered with an error, or Lettuce refused it because the
 * connection was down. Any other (a timeout, a connection that closed under the command) leaves
 * the outcome unknown: the script may have run.
 */
final class RedisFailure {
    /** Lettuce's message when it refuses a command while disconnected (REJECT_COMMANDS). */
    private static final String NOT_CONNECTED = "Currently not connected";

    private RedisFailure() {
    }

    /** The error message for {@code what} (e.g. "the message") that failed with {@code failure}. */
    static String message(String redis, String what, String notDone, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.toString() : root.getMessage();
        if (certainlyNotRun(failure) || certainlyNotRun(root)) {
            return "cluster: Redis at " + redis + " did not take " + what + ", which " + notDone + ": " + detail;
        }
        return "cluster: Redis at " + redis + " gave no outcome for " + what + " (" + detail + "): it may or may"
                + " not have happened; send it again with the same id to learn the outcome without a second copy";
    }

    private static boolean certainlyNotRun(Throwable t) {
        return t instanceof RedisCommandExecutionException
                || t.getMessage() != null && t.getMessage().startsWith(NOT_CONNECTED);
    }
}
