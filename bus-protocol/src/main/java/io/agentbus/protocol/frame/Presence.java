package io.agentbus.protocol.frame;

/** {@code presence}: a member joined or left a room. */
public record Presence(String room, String client, String role, Event event) implements ServerFrame {
    /** What happened to the membership. */
    public enum Event {
        JOINED("joined"),
        LEFT("left");

        private final String wireName;

        Event(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The event with this wire name, or {@code null}. */
        public static Event fromWire(String name) {
            for (Event e : values()) {
                if (e.wireName.equals(name)) {
                    return e;
                }
            }
            return null;
        }
    }

    @Override
    public String op() {
        return "presence";
    }
}
