/**
 * The client's engine, confined to one event loop: {@link io.agentbus.client.session.ClientSession}
 * (connection life, requests by {@code rid}, rooms, reconnect), one
 * {@link io.agentbus.client.session.OffsetTracker} per room and one for the inbox (each offset
 * handed to the application once), and the {@link io.agentbus.client.session.Dispatcher} that
 * runs the application's callbacks on their own thread. Internal: not part of the library's API.
 */
package io.agentbus.client.session;
