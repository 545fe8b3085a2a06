package io.agentbus.server.journal;

/** There is no journal where one was to be read. */
public final class NoJournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoJournalException(String message) {
        super(message);
    }
}
