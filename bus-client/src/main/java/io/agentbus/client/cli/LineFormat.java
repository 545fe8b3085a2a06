package io.agentbus.client.cli;

import io.agentbus.client.ReceivedMessage;

/** How {@code tail} and {@code history} print a message: one line, without its line break. */
interface LineFormat {
    String format(ReceivedMessage message);

    /** The JSON line format with {@code --json}, else the line for people. */
    static LineFormat of(boolean json) {
        return json ? new JsonLineFormat() : new TextLineFormat();
    }
}
