/**
 * The daemon's logging: an SLF4J binding that writes one line per event to standard output, as
 * text or JSON lines ({@code log.format}), from {@code log.level} up. Stack traces stay on their
 * event's line; under systemd the text lines carry journald's priority prefix. Nothing here is
 * on the path of a message.
 */
package io.agentbus.server.log;
