/**
 * Sessions, the event-loop end of the path of one message: decode a text frame (jackson-core
 * streaming), validate it, answer errors and pings right here, and hand every request of a
 * session that said hello to the sequencer. A bad frame never travels further.
 */
package io.agentbus.server.session;
