package io.agentbus.protocol.frame;

import java.util.List;

/** {@code history} reply: messages in offset order; {@code more} when the limit cut them. */
public record HistoryReply(String rid, String room, List<Msg> messages, boolean more) implements ServerFrame {
    @Override
    public String op() {
        return "history";
    }
}
