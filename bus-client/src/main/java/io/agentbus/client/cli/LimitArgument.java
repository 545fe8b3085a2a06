package io.agentbus.client.cli;

/** A count of messages: a whole number, 1 or more. */
final class LimitArgument extends WholeNumberArgument {
    LimitArgument() {
        super(1, "a count (a whole number, 1 or more)");
    }
}
