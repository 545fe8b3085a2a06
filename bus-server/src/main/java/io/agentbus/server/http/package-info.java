/**
 * HTTP on the WebSocket's port: {@code /health}, the REST API for rooms, history, publishing
 * and artifacts, and the page at {@code /}. Requests that touch bus state become sequencer
 * commands, exactly like WebSocket requests.
 */
package io.agentbus.server.http;
