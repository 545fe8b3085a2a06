package io.agentbus.protocol.frame;

/**
 * {@code dropped}: messages in this offset range were not delivered. Without a {@code reason}
 * (a slow consumer's drop) fetch them with history; with {@link #RETENTION} they are gone for good
 * (retention deleted them before a {@code join} with {@code since} asked for them).
 */
public record Dropped(String room, long fromOffset, long toOffset, String reason) implements ServerFrame {
    /** The reason of a gap that retention made: the messages no longer exist. */
    public static final String RETENTION = "retention";

    /** A slow consumer's drop: the messages can be fetched with history. */
    public Dropped(String room, long fromOffset, long toOffset) {
        this(room, fromOffset, toOffset, null);
    }

    @Override
    public String op() {
        return "dropped";
    }
}
