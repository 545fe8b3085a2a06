package io.agentbus.server.journal;

/** A journal entry that cannot be decoded: skipped and logged on replay, never fatal. */
public final class CorruptEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptEntryException(String message) {
        super(message);
    }
}
