package io.agentbus.server.auth;

/**
 * Who a REST request comes from: the token's subject (the {@code from} of what it publishes) and
 * its rights; {@code "rest"} with every right when tokens are off.
 */
public record Identity(String client, Grants grants) {
}
