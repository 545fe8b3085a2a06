package io.agentbus.protocol.frame;

/** A room member as listed in the {@code ok} answer to {@code join}. */
public record Member(String client, String role) {
}
