/**
 * The Netty transport: event loop groups (epoll where it loads, NIO otherwise) and the
 * pipeline every connection gets. Where a message enters the path of one message.
 */
package io.agentbus.server.transport;
