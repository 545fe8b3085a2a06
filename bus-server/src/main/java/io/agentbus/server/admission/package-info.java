/**
 * What a connection must pass before it becomes a session, in pipeline order: the connection
 * limits ({@link io.agentbus.server.admission.ConnectionLimiter}, counted per accepted socket, in
 * total and per IP address), the handshake deadline against slowloris clients
 * ({@link io.agentbus.server.admission.HandshakeDeadline}: the TLS handshake and every HTTP
 * request, the WebSocket upgrade included, must finish in time), and the browser origin check
 * ({@link io.agentbus.server.admission.AdmissionHandler}). A refused connection is answered over
 * HTTP (503 or 403) and closed; none of this runs per WebSocket frame.
 */
package io.agentbus.server.admission;
