package io.agentbus.protocol.frame;

/** {@code dropped}: messages in this offset range were not delivered; fetch them with history. */
public record Dropped(String room, long fromOffset, long toOffset) implements ServerFrame {
    @Override
    public String op() {
        return "dropped";
    }
}
