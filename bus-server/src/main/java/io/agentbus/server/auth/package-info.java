/**
 * Who may do what. A client proves who it is with a signed JWT (HS256 with a shared secret, RS256
 * or ES256 with a public key), verified once, at {@code hello} (or per REST request), by
 * {@link io.agentbus.server.auth.Authenticator} with the maintained {@code com.auth0:java-jwt}
 * library; tokens are never parsed by hand. The claims become the session's
 * {@link io.agentbus.server.auth.Grants}: room patterns with their rights, precomputed so that
 * the check of every later request ({@link io.agentbus.server.auth.Permissions}, on the event loop
 * before a request reaches the sequencer) is a loop over a few prefixes, without allocation.
 * Revoked token ids come from a deny-list file that {@link io.agentbus.server.auth.DenyList}
 * reloads when it changes. {@code agentbus token} ({@link io.agentbus.server.auth.TokenCommand})
 * mints HS256 tokens.
 */
package io.agentbus.server.auth;
