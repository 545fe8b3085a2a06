/**
 * Test fixtures shared by the job and command tests: the daemon in-process ({@link
 * io.agentbus.orchestrator.it.LiveDaemon}) or as a child process ({@link
 * io.agentbus.orchestrator.it.DaemonProcess}), {@code bin/agentbus} commands as child processes,
 * scripted worker clients on real sockets, a log of what each room carried, and a local webhook
 * receiver.
 */
package io.agentbus.orchestrator.it;
