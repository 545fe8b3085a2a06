package io.agentbus.client.cli;

import io.agentbus.client.error.AgentBusException;
import io.agentbus.client.error.ServerErrorException;
import java.io.PrintStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a command failed, as its exit status and one line for stderr, never a stack trace:
 * a server refusal (found anywhere in the cause chain, e.g. a {@code hello} refused while
 * connecting) is {@link ExitCode#REFUSED}; any other client failure (no connection, a lost one,
 * no reply in time) is {@link ExitCode#CANNOT_CONNECT}.
 */
record Failure(int exitCode, String message) {

    /** The failure {@code thrown} stands for, or {@code null} for an unexpected exception (a bug). */
    static Failure of(Throwable thrown) {
        Throwable t = unwrap(thrown);
        ServerErrorException refused = serverError(t);
        if (refused != null) {
            return new Failure(ExitCode.REFUSED, refused.code().wireName() + ": " + refused.serverMessage());
        }
        if (t instanceof CommandException c) {
            return new Failure(c.exitCode(), c.getMessage());
        }
        if (t instanceof AgentBusException) {
            return new Failure(ExitCode.CANNOT_CONNECT, t.getMessage());
        }
        return null;
    }

    /** Prints {@code agentbus: MESSAGE}, with {@code context} first when there is one. */
    void report(PrintStream err, String context) {
        err.println("agentbus: " + (context == null ? "" : context + ": ") + message);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable inner = t;
        while ((inner instanceof CompletionException || inner instanceof ExecutionException)
                && inner.getCause() != null) {
            inner = inner.getCause();
        }
        return inner;
    }

    /** The server's refusal somewhere in the cause chain of {@code t}, or {@code null}. */
    static ServerErrorException serverError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ServerErrorException s) {
                return s;
            }
        }
        return null;
    }
}
