/**
 * The exceptions of the client library. Futures fail with one of these: a
 * {@link io.agentbus.client.error.ServerErrorException} subclass per server error code (the
 * server's message kept), {@link io.agentbus.client.error.RequestTimeoutException},
 * {@link io.agentbus.client.error.ConnectionLostException},
 * {@link io.agentbus.client.error.PublishBufferFullException} (back-pressure) or
 * {@link io.agentbus.client.error.ClientClosedException}.
 */
package io.agentbus.client.error;
