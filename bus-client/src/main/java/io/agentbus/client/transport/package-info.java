/**
 * The client's transport: a Netty WebSocket connection per attempt, all on the client's one
 * event loop. It encodes and decodes frames with {@code bus-protocol}'s codec and reports
 * opening, frames and closing to the session; it knows nothing of rooms or requests. Internal:
 * not part of the library's API.
 */
package io.agentbus.client.transport;
