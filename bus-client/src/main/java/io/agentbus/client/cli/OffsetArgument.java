package io.agentbus.client.cli;

/** A room offset: a whole number, 0 or more. */
final class OffsetArgument extends WholeNumberArgument {
    OffsetArgument() {
        super(0, "an offset (a whole number, 0 or more)");
    }
}
